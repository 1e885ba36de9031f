import json from './default-ruleset.json';
import { parseRuleset, type Ruleset } from './ruleset';

/** The default ruleset for Korean customers (why each rule: docs/identity-rules.md). */
export const defaultRuleset: Ruleset = parseRuleset(json, 'lib/identity/linking/default-ruleset.json');
