-- DropIndex
DROP INDEX "SettlementBase_paymentId_idx";

-- A payment event's key is unique among the bases that are not duplicates: whatever the worker's memory missed,
-- PostgreSQL refuses a second settlement of the same event (the worker then reads the partition's bases again).
CREATE UNIQUE INDEX "SettlementBase_eventKey_key" ON "SettlementBase"("paymentId", action, status) WHERE classification <> 'duplicate';

