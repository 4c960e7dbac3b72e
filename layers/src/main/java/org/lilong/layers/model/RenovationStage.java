package org.lilong.layers.model;

/** The stages of an old-housing renovation plot, in order: 征询 → 签约 → 搬迁 → 施工 → 完成. */
public enum RenovationStage {
    CONSULTATION("consultation", "征询", "Consultation"),
    SIGNING("signing", "签约", "Signing"),
    RELOCATION("relocation", "搬迁", "Relocation"),
    CONSTRUCTION("construction", "施工", "Construction"),
    DONE("done", "完成", "Done");

    private final String code;
    private final String titleZh;
    private final String titleEn;

    RenovationStage(String code, String titleZh, String titleEn) {
        this.code = code;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
    }

    public String code() {
        return code;
    }

    public String titleZh() {
        return titleZh;
    }

    public String titleEn() {
        return titleEn;
    }
}
