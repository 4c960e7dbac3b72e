-- Lilong on PostgreSQL + PostGIS: one table per layer of org.lilong.layers.model.LayerCatalogue, and the
-- data set's key/value metadata. Flyway applies this once per database; later changes go in V2__…, V3__…
-- (never edit an applied migration: Flyway refuses a database whose checksums differ).
--
-- Conventions, shared with the GeoPackage store so GDAL, QGIS and ogr2ogr see the same thing in both:
--   * the table is the layer id with '-' replaced by '_' (renovation-plots -> renovation_plots);
--   * fid bigint primary key (the feature id; Lilong allocates it, so no sequence),
--   * geom geometry(Geometry, 4326): WGS84 lon/lat; the layer's geometry type or its multi-part form,
--     never empty; a GiST index for spatial queries by other tools (Lilong itself queries its read model);
--   * one column per attribute: TEXT -> text, INTEGER -> bigint, REAL -> double precision, DATE -> date,
--     BOOLEAN -> boolean; NULL is an absent value.
-- The geometry type CHECKs match with a regular expression rather than IN (...): PostGIS's
-- geometry_columns view takes the first quoted string of any "geometrytype(...) = ..." constraint as the
-- column's type, and would tell GDAL and QGIS that a layer of polygons and multi-polygons holds
-- 'ST_Polygon'; this way it reports GEOMETRY, as the GeoPackage store declares.
-- The CHECK constraints hold what the model implies (GridLevel and RenovationStage codes, counts that
-- cannot be negative, signed households within households, a plot finishing no earlier than it
-- starts), so data written by other tools keeps to it too. On open, PostgisStore checks that every
-- layer and attribute of the catalogue has its table and column here.

-- The extension needs a role that may create it (a superuser, or a DBA creates it beforehand);
-- IF NOT EXISTS makes this a no-op where it is already installed.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE grids (
    fid          bigint PRIMARY KEY,
    geom         geometry(Geometry, 4326) NOT NULL,
    code         text,
    name         text,
    name_en      text,
    level        text,
    parent_code  text,
    leader_name  text,
    leader_phone text,
    residents    bigint,
    households   bigint,
    CONSTRAINT grids_geom_type CHECK (ST_GeometryType(geom) ~ '^ST_(Multi)?Polygon$'),
    CONSTRAINT grids_geom_not_empty CHECK (ST_IsEmpty(geom) = false),
    CONSTRAINT grids_level_code CHECK (level IN ('subdistrict', 'comprehensive', 'residential', 'micro', 'building-group')),
    CONSTRAINT grids_residents_not_negative CHECK (residents >= 0),
    CONSTRAINT grids_households_not_negative CHECK (households >= 0)
);
CREATE INDEX grids_geom_gist ON grids USING gist (geom);
COMMENT ON TABLE grids IS '网格 / Grids: the five-level governance grid, sub-district down to building group';

CREATE TABLE renovation_plots (
    fid               bigint PRIMARY KEY,
    geom              geometry(Geometry, 4326) NOT NULL,
    name              text,
    name_en           text,
    type              text,
    stage             text,
    households        bigint,
    signed_households bigint,
    start_date        date,
    finish_date       date,
    CONSTRAINT renovation_plots_geom_type CHECK (ST_GeometryType(geom) ~ '^ST_(Multi)?Polygon$'),
    CONSTRAINT renovation_plots_geom_not_empty CHECK (ST_IsEmpty(geom) = false),
    CONSTRAINT renovation_plots_stage_code CHECK (stage IN ('consultation', 'signing', 'relocation', 'construction', 'done')),
    CONSTRAINT renovation_plots_households_not_negative CHECK (households >= 0),
    CONSTRAINT renovation_plots_signed_households_not_negative CHECK (signed_households >= 0),
    CONSTRAINT renovation_plots_signed_within_households CHECK (signed_households <= households),
    CONSTRAINT renovation_plots_finish_not_before_start CHECK (finish_date >= start_date)
);
CREATE INDEX renovation_plots_geom_gist ON renovation_plots USING gist (geom);
COMMENT ON TABLE renovation_plots IS '旧改地块 / Renovation plots: old-housing renovation plots and their progress';

CREATE TABLE pocket_parks (
    fid           bigint PRIMARY KEY,
    geom          geometry(Geometry, 4326) NOT NULL,
    name          text,
    name_en       text,
    area_m2       double precision,
    facilities    text,
    opened        date,
    maintained_by text,
    CONSTRAINT pocket_parks_geom_type CHECK (ST_GeometryType(geom) ~ '^ST_(Multi)?Polygon$'),
    CONSTRAINT pocket_parks_geom_not_empty CHECK (ST_IsEmpty(geom) = false),
    CONSTRAINT pocket_parks_area_m2_not_negative CHECK (area_m2 >= 0)
);
CREATE INDEX pocket_parks_geom_gist ON pocket_parks USING gist (geom);
COMMENT ON TABLE pocket_parks IS '口袋公园 / Pocket parks: small green spaces built on reclaimed land';

CREATE TABLE service_stations (
    fid           bigint PRIMARY KEY,
    geom          geometry(Geometry, 4326) NOT NULL,
    name          text,
    name_en       text,
    category      text,
    services      text,
    hours         text,
    address       text,
    phone         text,
    manager_phone text,
    CONSTRAINT service_stations_geom_type CHECK (ST_GeometryType(geom) ~ '^ST_(Multi)?Point$'),
    CONSTRAINT service_stations_geom_not_empty CHECK (ST_IsEmpty(geom) = false)
);
CREATE INDEX service_stations_geom_gist ON service_stations USING gist (geom);
COMMENT ON TABLE service_stations IS '服务站点 / Service stations: doorstep services';

CREATE TABLE streets (
    fid     bigint PRIMARY KEY,
    geom    geometry(Geometry, 4326) NOT NULL,
    name    text,
    name_en text,
    "class" text,
    bridge  boolean,
    CONSTRAINT streets_geom_type CHECK (ST_GeometryType(geom) ~ '^ST_(Multi)?LineString$'),
    CONSTRAINT streets_geom_not_empty CHECK (ST_IsEmpty(geom) = false)
);
CREATE INDEX streets_geom_gist ON streets USING gist (geom);
COMMENT ON TABLE streets IS '道路 / Streets: roads, streets, lanes and bridges';

CREATE TABLE water (
    fid     bigint PRIMARY KEY,
    geom    geometry(Geometry, 4326) NOT NULL,
    name    text,
    name_en text,
    kind    text,
    CONSTRAINT water_geom_type CHECK (ST_GeometryType(geom) ~ '^ST_(Multi)?Polygon$'),
    CONSTRAINT water_geom_not_empty CHECK (ST_IsEmpty(geom) = false)
);
CREATE INDEX water_geom_gist ON water USING gist (geom);
COMMENT ON TABLE water IS '水系 / Water: creeks, canals and water surfaces';

CREATE TABLE residential_areas (
    fid        bigint PRIMARY KEY,
    geom       geometry(Geometry, 4326) NOT NULL,
    name       text,
    name_en    text,
    residents  bigint,
    households bigint,
    CONSTRAINT residential_areas_geom_type CHECK (ST_GeometryType(geom) ~ '^ST_(Multi)?Polygon$'),
    CONSTRAINT residential_areas_geom_not_empty CHECK (ST_IsEmpty(geom) = false),
    CONSTRAINT residential_areas_residents_not_negative CHECK (residents >= 0),
    CONSTRAINT residential_areas_households_not_negative CHECK (households >= 0)
);
CREATE INDEX residential_areas_geom_gist ON residential_areas USING gist (geom);
COMMENT ON TABLE residential_areas IS '居民区 / Residential areas: compounds and their population';

CREATE TABLE subdistricts (
    fid       bigint PRIMARY KEY,
    geom      geometry(Geometry, 4326) NOT NULL,
    code      text,
    name      text,
    name_en   text,
    residents bigint,
    CONSTRAINT subdistricts_geom_type CHECK (ST_GeometryType(geom) ~ '^ST_(Multi)?Polygon$'),
    CONSTRAINT subdistricts_geom_not_empty CHECK (ST_IsEmpty(geom) = false),
    CONSTRAINT subdistricts_residents_not_negative CHECK (residents >= 0)
);
CREATE INDEX subdistricts_geom_gist ON subdistricts USING gist (geom);
COMMENT ON TABLE subdistricts IS '街道 / Sub-districts: sub-district (街道) boundaries';

CREATE TABLE lilong_metadata (
    key   text PRIMARY KEY,
    value text NOT NULL
);
COMMENT ON TABLE lilong_metadata IS 'Lilong: key/value facts about the data set';
