-- Every recorded version of a feature (org.lilong.layers.store.EditJournal), written in the same
-- transaction as the change: who, when, why, and the state after the change (geometry as WKB,
-- attributes as JSON text; both null for a delete). A 'baseline' row keeps the state the first recorded
-- change of a feature found (imports are not recorded row by row).
CREATE TABLE lilong_history (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    layer_id    text NOT NULL,
    feature_id  bigint NOT NULL,
    version     integer NOT NULL CHECK (version > 0),
    operation   text NOT NULL CHECK (operation IN ('baseline', 'insert', 'update', 'delete')),
    author      text NOT NULL,
    at          timestamptz NOT NULL,
    comment     text NOT NULL,
    wkb         bytea,
    attributes  text,
    UNIQUE (layer_id, feature_id, version)
);
