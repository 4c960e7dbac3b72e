/*
 * A small Mapbox Vector Tile (MVT 2.1) decoder over the pbf reader (the webjar's global Pbf). No
 * vector-tile plugin for Leaflet ships as a webjar, and the page needs little: each layer's features
 * with their id, type, properties and geometry in tile coordinates (0..extent, y down).
 * Spec: https://github.com/mapbox/vector-tile-spec/tree/master/2.1
 */
(function (Lilong) {
  'use strict';

  const TYPES = { 1: 'Point', 2: 'LineString', 3: 'Polygon' };
  const MOVE_TO = 1;
  const LINE_TO = 2;
  const CLOSE_PATH = 7;

  /**
   * Decodes a tile (ArrayBuffer or Uint8Array) into {layerName: {name, version, extent, features}},
   * each feature {id (number, or null when absent), type ('Point' | 'LineString' | 'Polygon'),
   * properties, geometry, bbox [minX, minY, maxX, maxY]}. Geometry: for points a list of [x, y];
   * for lines a list of lines, each a list of [x, y]; for polygons a list of polygons, each a list
   * of closed rings, the exterior first and its holes after.
   */
  function decode(buffer) {
    const pbf = new Pbf(buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer));
    const layers = {};
    pbf.readFields((tag, result, reader) => {
      if (tag === 3) {
        const layer = readLayer(reader, reader.readVarint() + reader.pos);
        result[layer.name] = layer;
      }
    }, layers);
    return layers;
  }

  function readLayer(pbf, end) {
    const raw = { version: 1, name: '', extent: 4096, keys: [], values: [], features: [] };
    pbf.readFields(readLayerField, raw, end);
    // Keys and values may come after the features that refer to them: resolve tags at the end.
    const features = raw.features.map((f) => finishFeature(f, raw));
    return { name: raw.name, version: raw.version, extent: raw.extent, features };
  }

  function readLayerField(tag, layer, pbf) {
    switch (tag) {
      case 15: layer.version = pbf.readVarint(); break;
      case 1: layer.name = pbf.readString(); break;
      case 2: layer.features.push(readRawFeature(pbf, pbf.readVarint() + pbf.pos)); break;
      case 3: layer.keys.push(pbf.readString()); break;
      case 4: layer.values.push(readValue(pbf, pbf.readVarint() + pbf.pos)); break;
      case 5: layer.extent = pbf.readVarint(); break;
      default: break;
    }
  }

  function readRawFeature(pbf, end) {
    const feature = { id: null, type: 0, tags: [], commands: [] };
    pbf.readFields((tag, f, reader) => {
      if (tag === 1) {
        f.id = reader.readVarint();
      } else if (tag === 2) {
        reader.readPackedVarint(f.tags);
      } else if (tag === 3) {
        f.type = reader.readVarint();
      } else if (tag === 4) {
        reader.readPackedVarint(f.commands);
      }
    }, feature, end);
    return feature;
  }

  function readValue(pbf, end) {
    const holder = { value: null };
    pbf.readFields((tag, h, reader) => {
      switch (tag) {
        case 1: h.value = reader.readString(); break;
        case 2: h.value = reader.readFloat(); break;
        case 3: h.value = reader.readDouble(); break;
        case 4: h.value = reader.readVarint(true); break;   // int64
        case 5: h.value = reader.readVarint(); break;       // uint64
        case 6: h.value = reader.readSVarint(); break;      // sint64
        case 7: h.value = reader.readBoolean(); break;
        default: break;                                     // readFields skips unknown fields
      }
    }, holder, end);
    return holder.value;
  }

  function finishFeature(raw, layer) {
    const properties = {};
    for (let i = 0; i + 1 < raw.tags.length; i += 2) {
      const key = layer.keys[raw.tags[i]];
      if (key !== undefined) {
        properties[key] = layer.values[raw.tags[i + 1]];
      }
    }
    const type = TYPES[raw.type] || 'Unknown';
    const parts = decodeCommands(raw.commands);
    const geometry = type === 'Polygon' ? groupRings(parts) : type === 'Point' ? [].concat(...parts) : parts;
    return { id: raw.id, type, properties, geometry, bbox: bboxOf(parts) };
  }

  /** The command stream as a list of parts (MoveTo starts one; ClosePath repeats its first vertex). */
  function decodeCommands(commands) {
    const parts = [];
    let part = null;
    let x = 0;
    let y = 0;
    let i = 0;
    while (i < commands.length) {
      const command = commands[i] & 0x7;
      const count = commands[i] >>> 3;
      i++;
      if (command === CLOSE_PATH) {
        if (part && part.length > 0) {
          part.push([part[0][0], part[0][1]]);
        }
        continue;
      }
      if (command !== MOVE_TO && command !== LINE_TO) {
        break;   // not MVT: stop rather than read garbage
      }
      for (let n = 0; n < count && i + 1 < commands.length; n++) {
        x += zigzag(commands[i++]);
        y += zigzag(commands[i++]);
        if (command === MOVE_TO) {
          part = [];
          parts.push(part);
        }
        part.push([x, y]);
      }
    }
    return parts;
  }

  function zigzag(n) {
    return (n >>> 1) ^ -(n & 1);
  }

  /** Surveyor's formula in tile coordinates: positive for an exterior ring in MVT 2.1. */
  function signedArea(ring) {
    let sum = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      sum += (ring[j][0] * ring[i][1]) - (ring[i][0] * ring[j][1]);
    }
    return sum / 2;
  }

  /** Rings into polygons: an exterior ring starts a polygon, the interior rings after it are its holes. */
  function groupRings(rings) {
    const polygons = [];
    let current = null;
    rings.forEach((ring) => {
      const area = signedArea(ring);
      if (area === 0) {
        return;
      }
      if (area > 0 || !current) {
        current = [ring];
        polygons.push(current);
      } else {
        current.push(ring);
      }
    });
    return polygons;
  }

  function bboxOf(parts) {
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    parts.forEach((part) => part.forEach(([x, y]) => {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }));
    return box;
  }

  Lilong.mvt = { decode, signedArea };
})(window.Lilong);
