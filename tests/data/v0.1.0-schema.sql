-- The schema of release 0.1.0 as its ensure_shape made it (sqlite_master of `referater ingest` at tag v0.1.0;
-- FTS5 shadow tables left out, CREATE VIRTUAL TABLE makes them). Used by tests/test_migrate_storage.py.
CREATE TABLE "referat" (
   "id" TEXT PRIMARY KEY,
   "forum" TEXT,
   "dato" TEXT,
   "aar" INTEGER,
   "starttid" TEXT,
   "sted" TEXT,
   "antal_punkter" INTEGER,
   "advarsler" TEXT,
   "antal_advarsler" INTEGER,
   "_kilde" TEXT,
   "_sha256" TEXT,
   "_format" TEXT,
   "_ingested_at" TEXT,
   "_parser_version" TEXT
);
CREATE TABLE "sag" (
   "id" TEXT PRIMARY KEY,
   "raw" TEXT,
   "skema" TEXT,
   "emne" TEXT,
   "handlingsfacet" TEXT,
   "loebenummer" INTEGER,
   "aar" INTEGER
);
CREATE TABLE "kle" (
   "nummer" TEXT PRIMARY KEY,
   "niveau" TEXT,
   "titel" TEXT,
   "betegnelse" TEXT,
   "hovedgruppe" TEXT,
   "gruppe" TEXT,
   "bevaring" TEXT,
   "sletning" TEXT
);
CREATE TABLE "punkt" (
   "id" TEXT PRIMARY KEY,
   "referat_id" TEXT REFERENCES "referat"("id"),
   "nummer" INTEGER,
   "titel" TEXT,
   "type" TEXT,
   "sag_id" TEXT REFERENCES "sag"("id"),
   "sagsnummer" TEXT,
   "forum" TEXT,
   "dato" TEXT,
   "aar" INTEGER,
   "indstiller" TEXT,
   "indstillinger" TEXT,
   "tidsramme_min" INTEGER,
   "beslutning" TEXT,
   "udfald" TEXT,
   "afsnit" TEXT,
   "tekst" TEXT,
   "sider" TEXT,
   "maaned" TEXT,
   "kle_hovedgruppe" TEXT REFERENCES "kle"("nummer"),
   "kle_gruppe" TEXT REFERENCES "kle"("nummer"),
   "kle_emne" TEXT REFERENCES "kle"("nummer"),
   "handlingsfacet" TEXT
);
CREATE TABLE "deltager" (
   "id" TEXT PRIMARY KEY,
   "referat_id" TEXT REFERENCES "referat"("id"),
   "position" INTEGER,
   "navn" TEXT,
   "rolle" TEXT,
   "parti" TEXT,
   "fravaerende" INTEGER
);
CREATE TABLE "bilag" (
   "id" TEXT PRIMARY KEY,
   "punkt_id" TEXT REFERENCES "punkt"("id"),
   "position" INTEGER,
   "titel" TEXT
);
CREATE TABLE "behandling" (
   "id" TEXT PRIMARY KEY,
   "punkt_id" TEXT REFERENCES "punkt"("id"),
   "position" INTEGER,
   "organ" TEXT,
   "dato" TEXT,
   "punkt_nummer" INTEGER,
   "udtalelse" TEXT,
   "sag_id" TEXT REFERENCES "sag"("id")
);
CREATE TABLE "lukket_punkt" (
   "id" TEXT PRIMARY KEY,
   "referat_id" TEXT REFERENCES "referat"("id"),
   "nummer" INTEGER,
   "titel" TEXT
);
CREATE TABLE "person" (
   "id" TEXT PRIMARY KEY,
   "navn" TEXT,
   "varianter" TEXT,
   "antal_frister" INTEGER,
   "antal_opgaver" INTEGER
);
CREATE TABLE "frist" (
   "id" TEXT PRIMARY KEY,
   "punkt_id" TEXT REFERENCES "punkt"("id"),
   "referat_id" TEXT REFERENCES "referat"("id"),
   "person_id" TEXT REFERENCES "person"("id"),
   "position" INTEGER,
   "dato" TEXT,
   "maaned" TEXT,
   "praecision" TEXT,
   "ansvarlig" TEXT,
   "ansvarlig_tekst" TEXT,
   "handling" TEXT,
   "tekst" TEXT,
   "afsnit" TEXT,
   "start" INTEGER,
   "slut" INTEGER,
   "usikker" INTEGER,
   "forum" TEXT,
   "moededato" TEXT,
   "sagsnummer" TEXT,
   "punkt_titel" TEXT
);
CREATE TABLE "opgave" (
   "id" TEXT PRIMARY KEY,
   "punkt_id" TEXT REFERENCES "punkt"("id"),
   "referat_id" TEXT REFERENCES "referat"("id"),
   "person_id" TEXT REFERENCES "person"("id"),
   "position" INTEGER,
   "ansvarlig" TEXT,
   "ansvarlig_tekst" TEXT,
   "handling" TEXT,
   "afsnit" TEXT,
   "frist" TEXT
);
CREATE VIRTUAL TABLE "punkt_fts" USING FTS5 (
    "titel", "tekst", "beslutning",
    tokenize='unicode61 remove_diacritics 0',
    content="punkt"
);
CREATE VIRTUAL TABLE "frist_fts" USING FTS5 (
    "tekst", "handling", "ansvarlig",
    tokenize='unicode61 remove_diacritics 0',
    content="frist"
);
CREATE VIRTUAL TABLE punkt_stamme using fts5(tekst, tokenize='unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE punkt_trigram using fts5(titel, tekst, beslutning, content='punkt', content_rowid='rowid', tokenize='trigram');
CREATE INDEX "idx_punkt_dato"
    ON "punkt" ("dato");
CREATE INDEX "idx_punkt_forum"
    ON "punkt" ("forum");
CREATE INDEX "idx_punkt_udfald"
    ON "punkt" ("udfald");
CREATE INDEX "idx_punkt_type"
    ON "punkt" ("type");
CREATE INDEX "idx_punkt_aar"
    ON "punkt" ("aar");
CREATE INDEX "idx_punkt_referat_id"
    ON "punkt" ("referat_id");
CREATE INDEX "idx_punkt_sag_id"
    ON "punkt" ("sag_id");
CREATE INDEX "idx_punkt_maaned"
    ON "punkt" ("maaned");
CREATE INDEX "idx_punkt_kle_hovedgruppe"
    ON "punkt" ("kle_hovedgruppe");
CREATE INDEX "idx_punkt_kle_emne"
    ON "punkt" ("kle_emne");
CREATE INDEX "idx_punkt_handlingsfacet"
    ON "punkt" ("handlingsfacet");
CREATE INDEX "idx_referat__sha256"
    ON "referat" ("_sha256");
CREATE INDEX "idx_referat_dato"
    ON "referat" ("dato");
CREATE INDEX "idx_referat__kilde"
    ON "referat" ("_kilde");
CREATE INDEX "idx_deltager_referat_id"
    ON "deltager" ("referat_id");
CREATE INDEX "idx_bilag_punkt_id"
    ON "bilag" ("punkt_id");
CREATE INDEX "idx_behandling_sag_id"
    ON "behandling" ("sag_id");
CREATE INDEX "idx_behandling_punkt_id"
    ON "behandling" ("punkt_id");
CREATE INDEX "idx_lukket_punkt_referat_id"
    ON "lukket_punkt" ("referat_id");
CREATE INDEX "idx_frist_dato"
    ON "frist" ("dato");
CREATE INDEX "idx_frist_ansvarlig"
    ON "frist" ("ansvarlig");
CREATE INDEX "idx_frist_maaned"
    ON "frist" ("maaned");
CREATE INDEX "idx_frist_punkt_id"
    ON "frist" ("punkt_id");
CREATE INDEX "idx_frist_person_id"
    ON "frist" ("person_id");
CREATE INDEX "idx_frist_referat_id"
    ON "frist" ("referat_id");
CREATE INDEX "idx_opgave_ansvarlig"
    ON "opgave" ("ansvarlig");
CREATE INDEX "idx_opgave_punkt_id"
    ON "opgave" ("punkt_id");
CREATE INDEX "idx_opgave_person_id"
    ON "opgave" ("person_id");
CREATE INDEX "idx_opgave_referat_id"
    ON "opgave" ("referat_id");
CREATE TRIGGER "punkt_ai" AFTER INSERT ON "punkt" BEGIN
  INSERT INTO "punkt_fts" (rowid, "titel", "tekst", "beslutning") VALUES (new.rowid, new."titel", new."tekst", new."beslutning");
END;
CREATE TRIGGER "punkt_ad" AFTER DELETE ON "punkt" BEGIN
  INSERT INTO "punkt_fts" ("punkt_fts", rowid, "titel", "tekst", "beslutning") VALUES('delete', old.rowid, old."titel", old."tekst", old."beslutning");
END;
CREATE TRIGGER "punkt_au" AFTER UPDATE ON "punkt" BEGIN
  INSERT INTO "punkt_fts" ("punkt_fts", rowid, "titel", "tekst", "beslutning") VALUES('delete', old.rowid, old."titel", old."tekst", old."beslutning");
  INSERT INTO "punkt_fts" (rowid, "titel", "tekst", "beslutning") VALUES (new.rowid, new."titel", new."tekst", new."beslutning");
END;
CREATE TRIGGER "frist_ai" AFTER INSERT ON "frist" BEGIN
  INSERT INTO "frist_fts" (rowid, "tekst", "handling", "ansvarlig") VALUES (new.rowid, new."tekst", new."handling", new."ansvarlig");
END;
CREATE TRIGGER "frist_ad" AFTER DELETE ON "frist" BEGIN
  INSERT INTO "frist_fts" ("frist_fts", rowid, "tekst", "handling", "ansvarlig") VALUES('delete', old.rowid, old."tekst", old."handling", old."ansvarlig");
END;
CREATE TRIGGER "frist_au" AFTER UPDATE ON "frist" BEGIN
  INSERT INTO "frist_fts" ("frist_fts", rowid, "tekst", "handling", "ansvarlig") VALUES('delete', old.rowid, old."tekst", old."handling", old."ansvarlig");
  INSERT INTO "frist_fts" (rowid, "tekst", "handling", "ansvarlig") VALUES (new.rowid, new."tekst", new."handling", new."ansvarlig");
END;
CREATE TRIGGER punkt_stamme_ad after delete on punkt begin delete from punkt_stamme where rowid = old.rowid; end;
CREATE TRIGGER punkt_trigram_ai after insert on punkt begin insert into punkt_trigram(rowid, titel, tekst, beslutning) values (new.rowid, new.titel, new.tekst, new.beslutning); end;
CREATE TRIGGER punkt_trigram_ad after delete on punkt begin insert into punkt_trigram(punkt_trigram, rowid, titel, tekst, beslutning) values ('delete', old.rowid, old.titel, old.tekst, old.beslutning); end;
CREATE TRIGGER punkt_trigram_au after update on punkt begin insert into punkt_trigram(punkt_trigram, rowid, titel, tekst, beslutning) values ('delete', old.rowid, old.titel, old.tekst, old.beslutning); insert into punkt_trigram(rowid, titel, tekst, beslutning) values (new.rowid, new.titel, new.tekst, new.beslutning); end;
