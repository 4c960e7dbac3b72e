/**
 * Coordinate reference systems: {@link org.lilong.geodata.crs.CrsRegistry} resolves a name (an EPSG
 * code through proj4j, or the GCJ-02 and BD-09 offsets of Chinese web maps) into a
 * {@link org.lilong.geodata.crs.CoordinateTransform} to and from WGS84 longitude/latitude, and
 * recognises the CRS a .prj, GeoPackage or GeoJSON file declares.
 */
package org.lilong.geodata.crs;
