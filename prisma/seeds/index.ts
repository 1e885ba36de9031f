// The seed's steps, in order. Each prisma/seeds/NN-name.ts exports `default (db) => summary` and must add nothing
// when run twice. Listed statically (not read from the directory) so the seed bundles like the workers;
// prisma/seeds/index.test.ts checks that no step file is left out.
import salesDesk from './10-sales-desk';
import accounts from './20-accounts';
import interests from './30-interests';
import commerceCatalogue from './40-commerce-catalogue';
import promotions from './50-promotions';
import settlement from './60-settlement';

export const SEED_STEPS = { '10-sales-desk': salesDesk, '20-accounts': accounts, '30-interests': interests, '40-commerce-catalogue': commerceCatalogue, '50-promotions': promotions, '60-settlement': settlement };
