package org.lilong.geodata.demo;

/** The name and class of one street line of the plan ("main", "street" or "lane"). */
record StreetName(String zh, String en, String streetClass) {

    static final String MAIN = "main";
    static final String STREET = "street";
    static final String LANE = "lane";
}
