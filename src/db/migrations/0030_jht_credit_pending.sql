-- lindung 0030: crediting JHT reads only the invoices not yet credited (issue 18, dashboards and
-- runs that grow with history).
--
-- The monthly credit looked at every invoice the regency ever had, and at every JHT line of every
-- settled one, to find the few not yet credited: its cost grew with each month of history (2.4 s
-- in the Belu demo's first later month, 4.8 s eight months on, on PostgreSQL). An invoice's lines
-- are written with it and never change, and one statement credits all of a settled invoice's JHT
-- lines, so an invoice with a contribution entry is done; this index answers that per invoice.
CREATE INDEX jht_entry_invoice_idx ON jht_entry (invoice_id) WHERE kind = 'contribution';
