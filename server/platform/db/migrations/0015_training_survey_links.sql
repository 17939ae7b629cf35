-- A training survey now has public links (one before the training, one after), as a pulse has
-- one: surveys made before this get their slug here. Hex from a random UUID is as hard to guess.
UPDATE "surveys" SET "public_slug" = substr(replace(gen_random_uuid()::text, '-', ''), 1, 16)
WHERE "kind" = 'training' AND "public_slug" IS NULL;
