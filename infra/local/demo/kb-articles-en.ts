// English versions of the key demo articles, for the English lines of the hotlines. They say the same as
// their Chinese originals (same id with `-en`), in words an English-speaking caller would use.
import type { KbArticleDraft } from '../../../functions/domain/kb/article.js';

const BASE = { lang: 'en', status: 'published', owner: '2001' } as const;

export const KB_ARTICLES_EN: readonly KbArticleDraft[] = [
  {
    ...BASE,
    id: 'warranty-claim-procedure-en',
    title: 'Extended warranty claim procedure',
    summary:
      'Verify the caller and the policy, note the fault, file a claim ticket (its number goes out by SMS), then hand over to a claims specialist.',
    category: 'warranty-claims',
    tags: ['claim', 'warranty', 'repair', 'procedure'],
    hotlines: ['warranty'],
    ticketTypes: ['claim'],
    ivrPaths: ['warranty.claimQueue', 'warranty.claimProblem', 'warranty.claimTicket'],
    body: `When a customer's car has a fault and they want it repaired under the extended warranty:

- **Verify**: ask for their name and one of the policy number (10 digits), the VIN or the plate.
- **Check the policy**: it must be valid, the fault must fall inside the cover period, and the mileage under the policy's limit.
- **Note the fault** in the customer's own words: symptoms, when it started, warning lights, where the car is now.
- **File a claim ticket**: the system gives it a CLM number and texts it to the customer.
- **Next step**: a claims specialist calls back within 2 business hours to book an inspection at an approved repair shop. Ask the customer not to have the car taken apart before then.

If the car cannot be driven, transfer to the rescue line for towing first and log the claim afterwards.`,
  },
  {
    ...BASE,
    id: 'warranty-coverage-en',
    title: 'What the extended warranty covers',
    summary:
      'Mechanical and electrical failures of the engine, gearbox, drivetrain and main electrics in normal use; wear parts, servicing and accident damage are not covered.',
    category: 'warranty-terms',
    tags: ['coverage', 'warranty', 'terms', 'engine', 'gearbox'],
    hotlines: ['warranty'],
    ticketTypes: ['claim', 'inquiry'],
    ivrPaths: ['warranty.generalQueue', 'warranty.claimQueue'],
    body: `The extended warranty pays for repairs of the listed parts when they fail in normal use:

- Engine: block, head, crankshaft, camshafts, oil pump, timing system and other lubricated internals;
- Gearbox: manual and automatic internals, torque converter;
- Drivetrain: prop shaft, differential, drive shafts;
- Steering, brake master cylinder, A/C compressor, alternator, starter motor.

Each claim follows the repair shop's inspection report. Cover ends at the policy's time or mileage limit (for example 3 years / 60,000 km), whichever comes first.`,
  },
  {
    ...BASE,
    id: 'warranty-exclusions-en',
    title: 'What the extended warranty does not cover',
    summary:
      'Wear parts, routine servicing, accident or deliberate damage, modifications, missed services and faults that existed before the policy started.',
    category: 'warranty-terms',
    tags: ['exclusions', 'not covered', 'rejected claim', 'wear parts'],
    hotlines: ['warranty'],
    ticketTypes: ['claim', 'inquiry', 'complaint'],
    ivrPaths: ['warranty.claimQueue', 'warranty.generalQueue'],
    body: `Explain these calmly and clearly:

- Wear parts: brake pads, tyres, wipers, bulbs, battery, clutch plate;
- Routine servicing: oil, filters, spark plugs, wheel alignment;
- Accidents, flood, fire or deliberate damage, and anything the motor insurance should pay;
- Modifications, or faults caused by poor fuel;
- Services missed with no records;
- Faults that existed before the policy started.

If the customer disputes a decision, do not argue: tell them a review can be requested and log it as a complaint.`,
  },
  {
    ...BASE,
    id: 'rescue-dispatch-steps-en',
    title: 'Taking a roadside rescue call',
    summary:
      'Safety first, then the exact location, what is wrong with the car and the plate; file a rescue ticket, dispatch, and give an arrival time.',
    category: 'rescue',
    tags: ['rescue', 'dispatch', 'safety', 'breakdown'],
    hotlines: ['rescue'],
    ticketTypes: ['rescue'],
    ivrPaths: ['rescue.rescueQueue', 'rescue.rescueWhere', 'rescue.rescueTicket'],
    body: `- **Safety**: is anyone hurt? If so the caller dials 120 (ambulance) and 122 (traffic police). Hazard lights on, warning triangle 50 m behind the car (150 m on an expressway), everyone behind the barrier.
- **Location**: road, direction, nearest junction or kilometre post.
- **The car**: will not start, flat tyre, out of fuel, keys locked in, or an accident; can it be moved?
- **Ticket and dispatch**: type "rescue", with the plate, model and a call-back number.
- **Tell the caller** the expected arrival time; the driver calls when on the way.`,
  },
  {
    ...BASE,
    id: 'towing-service-en',
    title: 'Towing',
    summary:
      'Members get towing free up to 100 km; beyond that it is charged per km, quoted before dispatch. Towed to the nearest approved shop unless the customer chooses.',
    category: 'rescue',
    tags: ['towing', 'tow truck', 'cost', 'member'],
    hotlines: ['rescue'],
    ticketTypes: ['rescue'],
    ivrPaths: ['rescue.rescueQueue'],
    body: `- Free up to 100 km per tow for members; the rest is charged per km, and the price is told before dispatch;
- By default the car goes to the nearest approved repair shop; another destination needs the distance and cost confirmed;
- Remind the customer to take valuables out and check the car's condition and mileage with the driver;
- On expressways the road authority's recovery truck must tow; we help arrange it.`,
  },
  {
    ...BASE,
    id: 'it-password-reset-en',
    title: 'Resetting a password',
    summary:
      'Verify the customer id code and the person, then send a reset link valid 30 minutes; 5 wrong tries lock the account for 15 minutes.',
    category: 'it-support',
    tags: ['password', 'reset', 'locked account', 'login'],
    hotlines: ['it-support'],
    ticketTypes: ['fault', 'inquiry'],
    ivrPaths: ['it-support.supportQueue', 'it-support.askFault'],
    body: `- Ask for the customer id code; check the name and the registered mobile number;
- Send a reset link to the registered email or mobile; it works for 30 minutes;
- New passwords: at least 10 characters, letters and digits, not one of the last 3;
- Five wrong attempts lock the account for 15 minutes; wait or have an engineer unlock it;
- Never ask for or read out a customer's password.`,
  },
  {
    ...BASE,
    id: 'it-vpn-connection-en',
    title: 'VPN will not connect',
    summary:
      'Check the network works, the client is up to date and the account is not locked; if it still fails, file a fault ticket with the error code.',
    category: 'it-support',
    tags: ['vpn', 'remote work', 'connection', 'network'],
    hotlines: ['it-support'],
    ticketTypes: ['fault'],
    ivrPaths: ['it-support.supportQueue', 'it-support.askFault'],
    body: `In this order:

- Can they open an ordinary web page? If not, fix the local network first;
- Is the VPN client the latest version, and is the computer's clock right (a wrong clock fails the certificate check)?
- Is the account expired or locked; was the password changed recently?
- Does another network (a phone hotspot) work? Hotel and office networks sometimes block VPNs;
- Still failing: note the client version, the error code and a screenshot, and file a fault ticket for second line.`,
  },
  {
    ...BASE,
    id: 'complaint-handling-en',
    title: 'Handling a complaint',
    summary:
      'Listen and apologise, never argue or pass the buck; record the facts in a complaint ticket, reply within 24 hours, resolve within 3 business days.',
    category: 'complaints',
    tags: ['complaint', 'apology', 'deadline', 'follow-up'],
    hotlines: ['warranty', 'rescue', 'it-support'],
    ticketTypes: ['complaint'],
    ivrPaths: ['warranty.complaintQueue', 'warranty.complaintDescribe'],
    body: `Whoever takes a complaint owns it until it is solved or clearly handed over.

- **Listen** without interrupting or defending;
- **Apologise** for the trouble caused;
- **Record the facts**: when, who or which shop, what the customer wants, in their words;
- **File a complaint ticket** with a priority that matches the impact;
- **Deadlines**: first reply within 24 hours, an outcome within 3 business days; if that slips, tell the customer why beforehand;
- **Follow up** after closing to check the customer is satisfied.`,
  },
];
