#!/usr/bin/env python3
"""Writes N small square polygons (a lattice near 121.49 E, 31.23 N) as a GeoJSON FeatureCollection,
with attributes matching the residential-areas layer, for the import benchmark."""
import json
import sys

count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
side = int(count ** 0.5) + 1
step = 0.00012  # about 12 m
size = 0.0001
out = sys.stdout
out.write('{"type":"FeatureCollection","features":[\n')
for i in range(count):
    x0 = 121.45 + (i % side) * step
    y0 = 31.20 + (i // side) * step
    ring = [[round(x0, 7), round(y0, 7)], [round(x0 + size, 7), round(y0, 7)], [round(x0 + size, 7), round(y0 + size, 7)],
            [round(x0, 7), round(y0 + size, 7)], [round(x0, 7), round(y0, 7)]]
    feature = {"type": "Feature", "properties": {"name": f"小区{i}", "name_en": f"Compound {i}", "residents": 100 + i % 900,
                                                  "households": 40 + i % 300},
               "geometry": {"type": "Polygon", "coordinates": [ring]}}
    out.write(("," if i else "") + json.dumps(feature, ensure_ascii=False) + "\n")
out.write("]}\n")
