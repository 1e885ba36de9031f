-- The drill-down lists one merchant-day in (partition, offset) order, 50 at a time: with both in the index after
-- the day and merchant, a page is read in index order (no sort of the day, no visit of every row of it).
-- Partial on a condition every row meets ("batchSeq" >= 0), so that migrate keeps an index with INCLUDE, and which
-- queries repeat so the planner takes it. (IS NOT NULL on a NOT NULL column would not do: PostgreSQL 18 drops that
-- condition from queries, and the partial index no longer applies.)
DROP INDEX "SettlementBase_day_merchant_money_idx";
CREATE INDEX "SettlementBase_day_merchant_money_idx" ON "SettlementBase"("approvalDay", "merchantNumber", partition, "offset") INCLUDE (classification, amount, fee, vat, payout) WHERE "batchSeq" >= 0;
