// Every shipped agent script by name: what the API lists, what the validator walks.
import type { Script } from '../../functions/domain/scripts/types.js';
import { complaintHandlingScript } from './complaint-handling.js';
import { itSupportScript } from './it-support.js';
import { rescueScript } from './rescue.js';
import { warrantyClaimScript } from './warranty-claim.js';
import { warrantyComplaintScript } from './warranty-complaint.js';
import { warrantyInquiryScript } from './warranty-inquiry.js';
import {
  warrantyCancelScript,
  warrantyDetailsScript,
  warrantyScheduleScript,
  warrantyTransferScript,
} from './warranty-referrals.js';

/** In the order the desk offers them: a hotline's own scripts first, then the ones for every hotline. */
export const scripts: Readonly<Record<string, Script>> = {
  [warrantyClaimScript.name]: warrantyClaimScript,
  [warrantyComplaintScript.name]: warrantyComplaintScript,
  [warrantyDetailsScript.name]: warrantyDetailsScript,
  [warrantyScheduleScript.name]: warrantyScheduleScript,
  [warrantyTransferScript.name]: warrantyTransferScript,
  [warrantyCancelScript.name]: warrantyCancelScript,
  [warrantyInquiryScript.name]: warrantyInquiryScript,
  [rescueScript.name]: rescueScript,
  [itSupportScript.name]: itSupportScript,
  [complaintHandlingScript.name]: complaintHandlingScript,
};

/** The file each script lives in, for the validator's messages. */
export const SCRIPT_FILES: Readonly<Record<string, string>> = {
  [warrantyClaimScript.name]: 'flows/scripts/warranty-claim.ts',
  [warrantyComplaintScript.name]: 'flows/scripts/warranty-complaint.ts',
  [warrantyDetailsScript.name]: 'flows/scripts/warranty-referrals.ts',
  [warrantyScheduleScript.name]: 'flows/scripts/warranty-referrals.ts',
  [warrantyTransferScript.name]: 'flows/scripts/warranty-referrals.ts',
  [warrantyCancelScript.name]: 'flows/scripts/warranty-referrals.ts',
  [warrantyInquiryScript.name]: 'flows/scripts/warranty-inquiry.ts',
  [rescueScript.name]: 'flows/scripts/rescue.ts',
  [itSupportScript.name]: 'flows/scripts/it-support.ts',
  [complaintHandlingScript.name]: 'flows/scripts/complaint-handling.ts',
};
