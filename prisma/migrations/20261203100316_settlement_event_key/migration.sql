-- DropIndex
DROP INDEX "SettlementBase_paymentId_idx";

-- The key of a payment event is unique among the bases that are not duplicates: whatever the memory of the worker missed,
-- PostgreSQL refuses a second settlement of the same event (the worker then reads the bases of the partition again).
CREATE UNIQUE INDEX "SettlementBase_eventKey_key" ON "SettlementBase"("paymentId", action, status) WHERE classification <> 'duplicate';

