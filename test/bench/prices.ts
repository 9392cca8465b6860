// The one price table the cost benchmark (cost.ts) prices its counted operations with: AWS us-east-1,
// Twilio US and Amazon Connect US list prices. The machine that wrote this had no internet: each figure is
// the list price as the author knew it, written down on the date below, with the page it is published on.
// Check every line against its page before relying on a total; a wrong line changes only that line's cost.

export const PRICES_TAKEN = '2026-12-06';
export const PRICES_NOTE = `as of ${PRICES_TAKEN} from the author's knowledge of the list prices, not read from the page that day: check before relying`;

export interface Price {
  readonly usd: number;
  /** What one `usd` buys, in words. */
  readonly per: string;
  readonly source: string;
}

const p = (usd: number, per: string, source: string): Price => ({ usd, per, source });

const LAMBDA = 'https://aws.amazon.com/lambda/pricing/';
const APIGW = 'https://aws.amazon.com/api-gateway/pricing/';
const CLOUDFRONT = 'https://aws.amazon.com/cloudfront/pricing/';
const DYNAMO = 'https://aws.amazon.com/dynamodb/pricing/on-demand/';
const S3 = 'https://aws.amazon.com/s3/pricing/';
const SQS = 'https://aws.amazon.com/sqs/pricing/';
const SCHEDULER = 'https://aws.amazon.com/eventbridge/pricing/';
const TWILIO_VOICE = 'https://www.twilio.com/en-us/voice/pricing/us';
const TWILIO_SMS = 'https://www.twilio.com/en-us/sms/pricing/us';
const TWILIO_TASKROUTER = 'https://www.twilio.com/en-us/taskrouter/pricing';
const CONNECT = 'https://aws.amazon.com/connect/pricing/';

export const PRICES = {
  aws: {
    // Every function is ARM64 (infra/aws/constructs/app-function.ts).
    lambdaRequest: p(0.2 / 1e6, 'Lambda request (invocation)', LAMBDA),
    lambdaGbSecond: p(0.0000133334, 'GB-second on ARM (Arm price, first 7.5 billion GB-s a month)', LAMBDA),
    httpApiRequest: p(1.0 / 1e6, 'HTTP API request (first 300 million a month)', APIGW),
    cloudFrontRequest: p(0.01 / 10_000, 'CloudFront HTTPS request (United States)', CLOUDFRONT),
    cloudFrontGbOut: p(
      0.085,
      'GB out to the internet from CloudFront (United States, first 10 TB)',
      CLOUDFRONT,
    ),
    regionGbOut: p(
      0.09,
      'GB out to the internet from the region (us-east-1, after the first 100 GB a month)',
      'https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer',
    ),
    dynamoWriteUnit: p(0.625 / 1e6, 'DynamoDB on-demand write request unit', DYNAMO),
    dynamoReadUnit: p(0.125 / 1e6, 'DynamoDB on-demand read request unit', DYNAMO),
    s3Put: p(0.005 / 1000, 'S3 Standard PUT, COPY, POST or LIST request', S3),
    s3Get: p(0.0004 / 1000, 'S3 Standard GET or other request', S3),
    s3GbMonth: p(0.023, 'S3 Standard storage, GB-month (first 50 TB)', S3),
    sqsRequest: p(0.4 / 1e6, 'SQS standard queue request (up to 64 KB)', SQS),
    webSocketMessage: p(
      1.0 / 1e6,
      'API Gateway WebSocket message, either way, metered in 32 KB steps (first billion a month)',
      APIGW,
    ),
    webSocketConnectionMinute: p(0.25 / 1e6, 'API Gateway WebSocket connection minute', APIGW),
    schedulerInvocation: p(
      1.0 / 1e6,
      'EventBridge Scheduler invocation (after 14 million free a month)',
      SCHEDULER,
    ),
  },
  twilio: {
    tollFreeInboundMinute: p(0.022, 'inbound minute on a toll-free number', TWILIO_VOICE),
    clientMinute: p(0.004, 'Voice SDK (WebRTC client) leg minute', TWILIO_VOICE),
    conferenceParticipantMinute: p(0.0018, 'conference participant minute', TWILIO_VOICE),
    recordingMinute: p(0.0025, 'recording minute', TWILIO_VOICE),
    speechRecognition15s: p(
      0.02,
      '15 s of <Gather input="speech"> recognition, billed in 15 s steps',
      TWILIO_VOICE,
    ),
    smsSegment: p(0.0083, 'outbound SMS segment from a toll-free number, carrier fees apart', TWILIO_SMS),
    taskRouterTask: p(0.002, 'TaskRouter task', TWILIO_TASKROUTER),
    tollFreeNumberMonth: p(2.15, 'toll-free number, a month', TWILIO_VOICE),
    localInboundMinute: p(0.0085, 'inbound minute on a local number', TWILIO_VOICE),
    localNumberMonth: p(1.15, 'local number, a month', TWILIO_VOICE),
  },
  connect: {
    voiceServiceMinute: p(0.018, 'Amazon Connect voice service minute (inbound)', CONNECT),
    tollFreeInboundMinute: p(0.012, 'US toll-free inbound telephony minute', CONNECT),
    tollFreeNumberDay: p(0.06, 'US toll-free number, a day', CONNECT),
    didInboundMinute: p(0.0022, 'US DID (local number) inbound telephony minute', CONNECT),
    didNumberDay: p(0.03, 'US DID (local number), a day', CONNECT),
  },
} as const;

/** The table in a form that goes into bench-results, each line with its source. */
export function priceTable() {
  const flat: Record<string, Price> = {};
  for (const [group, lines] of Object.entries(PRICES))
    for (const [name, price] of Object.entries(lines)) flat[`${group}.${name}`] = price;
  return { taken: PRICES_TAKEN, note: PRICES_NOTE, prices: flat };
}
