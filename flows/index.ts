// Every shipped flow by name: what the numbers refer to, what the validator and the diagrams walk.
import type { Flow } from '../functions/domain/ivr/types.js';
import { itSupportFlow } from './it-support.js';
import { rescueFlow } from './rescue.js';
import { rescueEmergencyFlow } from './rescue-emergency.js';
import { warrantyFlow } from './warranty.js';

export const flows: Readonly<Record<string, Flow>> = {
  [warrantyFlow.name]: warrantyFlow,
  [rescueFlow.name]: rescueFlow,
  [rescueEmergencyFlow.name]: rescueEmergencyFlow,
  [itSupportFlow.name]: itSupportFlow,
};
