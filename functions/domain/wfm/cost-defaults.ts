// What a call costs besides the agent, by default: the committed cost benchmark's Twilio and AWS
// figures per 1000 calls, divided by 1000 (a test holds these equal to the benchmark's file).
export const TWILIO_USD_PER_1000_CALLS = 168.75;
export const AWS_USD_PER_1000_CALLS = 0.292586;

export const DEFAULT_TELEPHONY_USD_PER_CALL = TWILIO_USD_PER_1000_CALLS / 1000;
export const DEFAULT_AWS_USD_PER_CALL = AWS_USD_PER_1000_CALLS / 1000;
