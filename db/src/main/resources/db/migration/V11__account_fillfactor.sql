-- Paraseq schema, version 11: room for in-place (HOT) updates of account rows (issue 5,
-- docs/benchmarks.md "PostgreSQL CPU per transfer"). Every transfer updates its sender's row;
-- an update fits on the row's own page only if that page has free space, otherwise the new
-- version goes to another page and needs a new primary-key entry (a B-tree descent on the
-- 20-byte address). Pages filled to 100 % by the inserts of new accounts left ~6 % of sender
-- updates non-HOT in a load run; new pages now keep 10 % free. (Existing pages keep their fill
-- until rewritten.)
ALTER TABLE accounts SET (fillfactor = 90);
