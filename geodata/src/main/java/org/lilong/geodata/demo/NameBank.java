package org.lilong.geodata.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The stock of fictional but plausible names the demo district draws from: street stems in the
 * Shanghai manner (roads named after towns), residential areas, old lane compounds (里/坊), lanes
 * for pocket gardens, and Chinese personal names for grid leaders. Every draw takes the caller's
 * random source, so the same seed always picks the same names.
 */
final class NameBank {

    static final BilingualName SUBDISTRICT = new BilingualName("里弄街道（示例）", "Lilong Sub-district (demo)");
    static final BilingualName SUBDISTRICT_SHORT = new BilingualName("里弄街道", "Lilong Sub-district");
    static final String SUBDISTRICT_CODE = "310101099";
    static final String GRID_CODE_PREFIX = "LL";
    static final BilingualName CREEK = new BilingualName("映月浜", "Yingyue Creek");
    static final BilingualName CREEK_STEM = new BilingualName("映月", "Yingyue");

    private static final List<BilingualName> STREET_STEMS = pairs(
            "宁陵 Ningling", "溧阳 Liyang", "建德 Jiande", "丰城 Fengcheng", "宜黄 Yihuang", "南丰 Nanfeng",
            "临川 Linchuan", "会稽 Kuaiji", "桐庐 Tonglu", "淳安 Chun'an", "遂昌 Suichang", "龙泉 Longquan",
            "松阳 Songyang", "缙云 Jinyun", "青田 Qingtian", "乐清 Yueqing", "瑞安 Rui'an", "平阳 Pingyang",
            "泰顺 Taishun", "庆元 Qingyuan", "景宁 Jingning", "云和 Yunhe", "武义 Wuyi", "浦江 Pujiang",
            "兰溪 Lanxi", "建瓯 Jian'ou", "崇安 Chong'an", "邵武 Shaowu", "将乐 Jiangle", "泰宁 Taining",
            "宁化 Ninghua", "长汀 Changting", "连城 Liancheng", "上杭 Shanghang", "漳浦 Zhangpu", "德化 Dehua",
            "仙游 Xianyou", "福清 Fuqing", "闽清 Minqing", "古田 Gutian", "屏南 Pingnan", "寿宁 Shouning",
            "柘荣 Zherong", "永泰 Yongtai", "南城 Nancheng", "金溪 Jinxi");

    private static final List<BilingualName> RESIDENTIAL_STEMS = pairs(
            "福安 Fu'an", "仁寿 Renshou", "永庆 Yongqing", "德馨 Dexin", "恒德 Hengde", "兴仁 Xingren",
            "嘉禾 Jiahe", "瑞福 Ruifu", "慎余 Shenyu", "怡安 Yi'an", "积善 Jishan", "惠民 Huimin",
            "同福 Tongfu", "安乐 Anle", "崇德 Chongde", "尚贤 Shangxian", "敦仁 Dunren", "树德 Shude",
            "懋德 Maode", "荣康 Rongkang", "太和 Taihe", "长康 Changkang", "吉安 Ji'an", "明德 Mingde",
            "凝和 Ninghe", "宝裕 Baoyu", "聚星 Juxing", "和乐 Hele", "康宁 Kangning", "庆云 Qingyun",
            "景福 Jingfu", "裕华 Yuhua", "敬业 Jingye", "安仁 Anren", "德润 Derun", "永和 Yonghe",
            "善庆 Shanqing", "春晖 Chunhui", "光裕 Guangyu", "宏仁 Hongren", "祥和 Xianghe", "致和 Zhihe",
            "咸宁 Xianning", "泰安 Tai'an", "丰裕 Fengyu", "宜德 Yide", "锦绣 Jinxiu", "兆丰 Zhaofeng",
            "益寿 Yishou", "延庆 Yanqing", "鸿福 Hongfu", "集庆 Jiqing");

    private static final List<BilingualName> COMPOUND_STEMS = pairs(
            "聚福 Jufu", "德安 De'an", "宝兴 Baoxing", "承庆 Chengqing", "树荫 Shuyin", "怀德 Huaide",
            "昌福 Changfu", "鸿安 Hong'an", "同春 Tongchun", "乐善 Leshan", "瑞兴 Ruixing", "吉庆 Jiqing",
            "敦厚 Dunhou", "福寿 Fushou", "安吉 Anji", "崇善 Chongshan");

    private static final List<BilingualName> GARDEN_LANES = pairs(
            "花衣弄 Huayi", "竹行弄 Zhuhang", "糖坊弄 Tangfang", "梓园弄 Ziyuan", "芦席弄 Luxi",
            "篾竹弄 Miezhu", "药局弄 Yaoju", "豆市弄 Doushi", "棉花弄 Mianhua", "油车弄 Youche",
            "酱园弄 Jiangyuan", "桃源弄 Taoyuan", "槐荫弄 Huaiyin", "紫藤弄 Ziteng", "石榴弄 Shiliu");

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏方白邹孟秦江顾毛龚邵钱严戴孔汤";
    private static final String GIVEN = "建国华明丽芳敏静伟强磊军洋勇艳杰娟涛超秀英霞平刚桂兰玲萍红燕文辉斌宇浩凯鹏晨欣怡佳婷雯琳倩慧莉蓉新海生荣根宝德福林春秋志永庆忠振嘉立卫东";

    List<BilingualName> streetStems(SplittableRandom random) {
        return shuffled(STREET_STEMS, random);
    }

    List<BilingualName> residentialStems(SplittableRandom random) {
        return shuffled(RESIDENTIAL_STEMS, random);
    }

    List<BilingualName> compoundStems(SplittableRandom random) {
        return shuffled(COMPOUND_STEMS, random);
    }

    List<BilingualName> gardenLanes(SplittableRandom random) {
        return shuffled(GARDEN_LANES, random);
    }

    /** A fictional Chinese personal name: a common surname and one or two given characters. */
    String personName(SplittableRandom random) {
        StringBuilder name = new StringBuilder();
        name.append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int given = random.nextInt(10) < 7 ? 2 : 1;
        for (int i = 0; i < given; i++) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }

    /** A Fisher–Yates shuffle of a copy, driven only by the given random source. */
    static <T> List<T> shuffled(List<T> items, SplittableRandom random) {
        List<T> copy = new ArrayList<>(items);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swap);
        }
        return copy;
    }

    /** Picks some distinct items, in a random order. */
    static <T> List<T> pick(List<T> items, int count, SplittableRandom random) {
        return shuffled(items, random).subList(0, Math.min(count, items.size()));
    }

    private static List<BilingualName> pairs(String... entries) {
        List<BilingualName> names = new ArrayList<>();
        for (String entry : entries) {
            int space = entry.indexOf(' ');
            names.add(new BilingualName(entry.substring(0, space), entry.substring(space + 1)));
        }
        return List.copyOf(names);
    }
}
