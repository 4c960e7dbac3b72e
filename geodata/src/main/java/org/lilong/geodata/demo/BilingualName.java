package org.lilong.geodata.demo;

/** A name in Chinese and its English (pinyin) form. */
record BilingualName(String zh, String en) {
}
