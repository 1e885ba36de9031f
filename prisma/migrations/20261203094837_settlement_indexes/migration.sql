-- DropIndex
DROP INDEX "SettlementBase_approvalDay_merchantNumber_action_method_idx";

-- CreateIndex
CREATE INDEX "SettlementBase_approvalDay_merchantNumber_idx" ON "SettlementBase"("approvalDay", "merchantNumber");

-- Network cancellations by the approval they cancel (an approval arriving after its network cancellation is
-- excluded too), and the held unconfirmed approvals of a partition (loaded when a worker takes the partition).
-- Partial: both are a fraction of a percent of the bases.
CREATE INDEX "SettlementBase_networkCancel_idx" ON "SettlementBase"("originalPaymentId") WHERE status = 'NETWORK_CANCELED';
CREATE INDEX "SettlementBase_held_idx" ON "SettlementBase"(partition) WHERE classification = 'unconfirmed';
