package org.placementtracker.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.placementtracker.common.CreditCode;
import org.placementtracker.orderclass.OrderClass;

/**
 * The fixed part of the demo data: the majors the school teaches and its partner firms. Firm names
 * follow the partners of the school the data set is modelled on; their credit codes, addresses and
 * contacts are made up (with correct check characters), so they name no real registration.
 */
final class DemoCatalogue {

    /**
     * A major as the school runs it. {@code number} and {@code shortName} go into student numbers
     * and class names; {@code share} is its part of each intake; the rates say how many of its
     * students not in an order class go to a follow-the-post and a post internship (the others
     * mostly continue to higher vocational college).
     */
    record MajorSpec(
            String code,
            String name,
            String group,
            int number,
            String shortName,
            double share,
            double maleShare,
            double followPostRate,
            double postInternshipRate) {}

    /**
     * A partner firm. {@code majors} weighs how often it takes students of each major;
     * {@code from}..{@code until} are the years it took students.
     */
    record FirmSpec(
            String key,
            String name,
            String industry,
            String divisionCode,
            String district,
            String address,
            String contactName,
            int headcount,
            int from,
            int until,
            Map<String, Integer> majors,
            List<String> positions) {

        UUID id() {
            return UUID.nameUUIDFromBytes(("placement-tracker demo firm " + key).getBytes(StandardCharsets.UTF_8));
        }

        boolean active() {
            return until == OPEN_ENDED;
        }

        boolean takesStudentsIn(int year) {
            return from <= year && year <= until;
        }

        String creditCode() {
            return DemoCatalogue.creditCode(key, divisionCode, from >= 2016);
        }
    }

    /** An order class formed every year, for intake years {@code from} to {@code until}. */
    record ClassPlan(
            FirmSpec firm,
            String label,
            String majorCode,
            OrderClass.Programme programme,
            int from,
            int until,
            int quota,
            int vacancies) {}

    static final int OPEN_ENDED = 9999;

    static final String AUTO = "700206";
    static final String BODY = "700207";
    static final String CNC = "660103";
    static final String MECHATRONICS = "660301";
    static final String MACHINING = "660101";
    static final String ELECTRONICS = "710102";
    static final String COMPUTING = "710201";
    static final String NETWORKS = "710202";
    static final String DIGITAL_MEDIA = "710204";
    static final String E_COMMERCE = "730701";
    static final String ACCOUNTING = "730301";
    static final String TOURISM = "740101";

    // Codes of the 2021 national catalogue of secondary vocational majors.
    static final List<MajorSpec> MAJORS = List.of(
            new MajorSpec(AUTO, "汽车运用与维修", "汽车专业群", 11, "汽修", 0.18, 0.90, 0.08, 0.45),
            new MajorSpec(BODY, "汽车车身修复", "汽车专业群", 12, "车身", 0.05, 0.92, 0.08, 0.45),
            new MajorSpec(CNC, "数控技术应用", "智能制造专业群", 21, "数控", 0.12, 0.88, 0.08, 0.45),
            new MajorSpec(MECHATRONICS, "机电技术应用", "智能制造专业群", 22, "机电", 0.10, 0.85, 0.08, 0.45),
            new MajorSpec(MACHINING, "机械制造技术", "智能制造专业群", 23, "机制", 0.05, 0.90, 0.08, 0.40),
            new MajorSpec(ELECTRONICS, "电子技术应用", "电子信息专业群", 31, "电子", 0.08, 0.70, 0.08, 0.40),
            new MajorSpec(COMPUTING, "计算机应用", "电子信息专业群", 32, "计应", 0.10, 0.62, 0.06, 0.35),
            new MajorSpec(NETWORKS, "计算机网络技术", "电子信息专业群", 33, "网络", 0.06, 0.75, 0.06, 0.35),
            new MajorSpec(DIGITAL_MEDIA, "数字媒体技术应用", "电子信息专业群", 34, "数媒", 0.06, 0.50, 0.06, 0.30),
            new MajorSpec(E_COMMERCE, "电子商务", "财经商贸专业群", 41, "电商", 0.08, 0.35, 0.06, 0.20),
            new MajorSpec(ACCOUNTING, "会计事务", "财经商贸专业群", 42, "会计", 0.07, 0.15, 0.05, 0.15),
            new MajorSpec(TOURISM, "旅游服务与管理", "旅游服务专业群", 51, "旅游", 0.05, 0.30, 0.06, 0.30));

    static final FirmSpec GREAT_WALL = new FirmSpec(
            "great-wall",
            "长城汽车股份有限公司重庆分公司",
            "汽车制造",
            "500118",
            "重庆市永川区",
            "凤凰湖工业园区长城大道1号",
            "人力资源部 王经理",
            8600,
            2014,
            OPEN_ENDED,
            Map.of(AUTO, 6, BODY, 5, MECHATRONICS, 3, CNC, 2, MACHINING, 2),
            List.of("总装车间装配工", "焊装车间操作工", "涂装车间质检员", "冲压车间操作工", "整车检测线检验员", "售后技术支持"));
    static final FirmSpec YADEA = new FirmSpec(
            "yadea",
            "重庆雅迪机车工业有限公司",
            "电动车制造",
            "500118",
            "重庆市永川区",
            "凤凰湖工业园区凤凰大道18号",
            "行政人事部 刘主管",
            1800,
            2015,
            OPEN_ENDED,
            Map.of(CNC, 2, MECHATRONICS, 2, MACHINING, 2, ELECTRONICS, 1),
            List.of("整车装配工", "电机装配工", "车架焊接工", "品质检验员"));
    static final FirmSpec PACIFIC_PRECISION = new FirmSpec(
            "pacific-precision",
            "太平洋精密制造（重庆）有限公司",
            "精密机械加工",
            "500120",
            "重庆市璧山区",
            "璧泉街道工业园路66号",
            "人事行政部 陈经理",
            1300,
            2016,
            OPEN_ENDED,
            Map.of(CNC, 4, MACHINING, 3),
            List.of("数控车床操作工", "加工中心操作工", "三坐标检测员", "设备维护助理"));
    static final FirmSpec DAWA = new FirmSpec(
            "dawa",
            "重庆达瓦科技有限公司",
            "智能制造",
            "500118",
            "重庆市永川区",
            "永川高新区智能制造产业园3栋",
            "综合部 张主任",
            700,
            2018,
            OPEN_ENDED,
            Map.of(MECHATRONICS, 4, ELECTRONICS, 2, COMPUTING, 1),
            List.of("智能产线运维员", "工业机器人操作员", "PLC调试助理", "MES系统操作员"));
    static final FirmSpec PRIMAX = new FirmSpec(
            "primax",
            "致伸科技（重庆）有限公司",
            "电子信息制造",
            "500118",
            "重庆市永川区",
            "凤凰湖工业园区致伸路9号",
            "人力资源部 黄女士",
            3400,
            2015,
            OPEN_ENDED,
            Map.of(ELECTRONICS, 5, COMPUTING, 2, MECHATRONICS, 1),
            List.of("SMT产线操作员", "品质检验员", "测试技术员", "仓储物料员"));
    static final FirmSpec YONGXIN = new FirmSpec(
            "yongxin",
            "重庆永新信息技术有限公司",
            "软件和信息技术服务",
            "500118",
            "重庆市永川区",
            "永川大数据产业园B区5楼",
            "技术部 周经理",
            420,
            2017,
            OPEN_ENDED,
            Map.of(NETWORKS, 3, COMPUTING, 2, DIGITAL_MEDIA, 2),
            List.of("网络运维助理", "软件测试助理", "数据标注员", "机房值守员"));
    static final FirmSpec PCCW = new FirmSpec(
            "pccw",
            "电讯盈科（重庆）信息技术服务有限公司",
            "信息技术服务外包",
            "500107",
            "重庆市九龙坡区",
            "高新区科园四路128号",
            "人才发展部 李经理",
            1100,
            2016,
            OPEN_ENDED,
            Map.of(COMPUTING, 3, NETWORKS, 3, DIGITAL_MEDIA, 1, E_COMMERCE, 1),
            List.of("IT服务台工程师助理", "客户服务专员", "桌面运维助理", "数据处理员"));
    static final FirmSpec ESV = new FirmSpec(
            "esv",
            "重庆伊斯威汽车零部件有限公司",
            "汽车零部件制造",
            "500116",
            "重庆市江津区",
            "双福工业园福城大道21号",
            "人事部 谭主管",
            900,
            2018,
            OPEN_ENDED,
            Map.of(CNC, 3, MACHINING, 3, AUTO, 1),
            List.of("数控车床操作工", "零部件装配工", "品质检验员", "设备点检员"));
    static final FirmSpec YUXI_CNC = new FirmSpec(
            "yuxi-cnc",
            "重庆渝西数控机床有限公司",
            "数控装备制造",
            "500118",
            "重庆市永川区",
            "港桥工业园港城大道55号",
            "生产部 罗经理",
            380,
            2014,
            OPEN_ENDED,
            Map.of(CNC, 2, MACHINING, 2, MECHATRONICS, 1),
            List.of("机床装配工", "数控编程助理", "钳工"));
    static final FirmSpec FENGHUANGHU_ELECTRONICS = new FirmSpec(
            "fenghuanghu-electronics",
            "重庆凤凰湖电子科技有限公司",
            "电子元器件制造",
            "500118",
            "重庆市永川区",
            "凤凰湖工业园区电子产业园7号",
            "人事部 何女士",
            760,
            2014,
            OPEN_ENDED,
            Map.of(ELECTRONICS, 3, MECHATRONICS, 1),
            List.of("电子装配工", "AOI检测员", "包装检验员"));
    static final FirmSpec YUYUN_AUTO = new FirmSpec(
            "yuyun-auto",
            "重庆渝运汽车销售服务有限公司",
            "汽车销售与维修",
            "500118",
            "重庆市永川区",
            "汽车城大道168号",
            "售后服务部 杨经理",
            240,
            2014,
            OPEN_ENDED,
            Map.of(AUTO, 3, BODY, 2, ACCOUNTING, 1),
            List.of("机电维修学徒", "售后服务接待", "钣金喷漆学徒", "配件管理员", "收银员"));
    static final FirmSpec CHICHENG_AUTO = new FirmSpec(
            "chicheng-auto",
            "重庆市永川区驰骋汽车维修有限公司",
            "汽车维修",
            "500118",
            "重庆市永川区",
            "昌州大道东段203号",
            "曾老板",
            85,
            2014,
            OPEN_ENDED,
            Map.of(AUTO, 1, BODY, 1),
            List.of("汽车维修工", "钣金学徒", "汽车美容技师助理"));
    static final FirmSpec CHAZHU_ECOMMERCE = new FirmSpec(
            "chazhu-ecommerce",
            "重庆茶竹电子商务有限公司",
            "电子商务",
            "500118",
            "重庆市永川区",
            "茶山竹海街道电商产业园12号",
            "运营部 袁经理",
            310,
            2017,
            OPEN_ENDED,
            Map.of(E_COMMERCE, 4, DIGITAL_MEDIA, 2, ACCOUNTING, 1),
            List.of("电商运营助理", "直播助理", "网店客服", "美工助理"));
    static final FirmSpec GONGXIAO_ECOMMERCE = new FirmSpec(
            "gongxiao-ecommerce",
            "重庆市永川区供销电商服务有限公司",
            "农村电商",
            "500118",
            "重庆市永川区",
            "兴龙大道312号",
            "业务部 邓主任",
            180,
            2019,
            OPEN_ENDED,
            Map.of(E_COMMERCE, 3, ACCOUNTING, 1),
            List.of("农产品网店运营", "直播带货助理", "物流分拣员", "出纳助理"));
    static final FirmSpec WEIXINGHU_HOTEL = new FirmSpec(
            "weixinghu-hotel",
            "重庆卫星湖酒店管理有限公司",
            "住宿和餐饮",
            "500118",
            "重庆市永川区",
            "卫星湖街道南华路88号",
            "人力资源部 唐经理",
            420,
            2014,
            OPEN_ENDED,
            Map.of(TOURISM, 4),
            List.of("前厅接待", "客房服务员", "餐厅服务员", "会务服务员"));
    static final FirmSpec SONGJI_TOURISM = new FirmSpec(
            "songji-tourism",
            "重庆松溉古镇旅游开发有限公司",
            "旅游",
            "500118",
            "重庆市永川区",
            "松溉镇解放街1号",
            "景区管理部 彭主管",
            260,
            2016,
            OPEN_ENDED,
            Map.of(TOURISM, 3),
            List.of("景区讲解员", "游客服务中心接待", "文创店店员"));
    static final FirmSpec YUYONG_FINANCE = new FirmSpec(
            "yuyong-finance",
            "重庆渝永财务咨询有限公司",
            "商务服务",
            "500118",
            "重庆市永川区",
            "人民大道96号财富中心15楼",
            "蒋会计",
            120,
            2015,
            OPEN_ENDED,
            Map.of(ACCOUNTING, 3),
            List.of("代理记账助理", "出纳助理", "税务申报助理"));
    static final FirmSpec YONGCHUAN_MEDIA = new FirmSpec(
            "yongchuan-media",
            "重庆永川数字传媒有限公司",
            "文化传媒",
            "500118",
            "重庆市永川区",
            "科技园区数字经济产业园2栋",
            "内容部 谢主编",
            150,
            2018,
            OPEN_ENDED,
            Map.of(DIGITAL_MEDIA, 3, E_COMMERCE, 1),
            List.of("视频剪辑助理", "平面设计助理", "新媒体运营助理"));
    // A partner the school stopped working with: inactive now, but its placements stay on record.
    static final FirmSpec HUASITE_MOULD = new FirmSpec(
            "huasite-mould",
            "重庆华斯特模具有限公司",
            "模具制造",
            "500120",
            "重庆市璧山区",
            "青杠街道工业园东区8号",
            "人事部 龚经理",
            210,
            2014,
            2018,
            Map.of(MACHINING, 3, CNC, 2),
            List.of("模具钳工", "电火花加工操作工", "线切割操作工"));

    static final List<FirmSpec> FIRMS = List.of(
            GREAT_WALL,
            YADEA,
            PACIFIC_PRECISION,
            DAWA,
            PRIMAX,
            YONGXIN,
            PCCW,
            ESV,
            YUXI_CNC,
            FENGHUANGHU_ELECTRONICS,
            YUYUN_AUTO,
            CHICHENG_AUTO,
            CHAZHU_ECOMMERCE,
            GONGXIAO_ECOMMERCE,
            WEIXINGHU_HOTEL,
            SONGJI_TOURISM,
            YUYONG_FINANCE,
            YONGCHUAN_MEDIA,
            HUASITE_MOULD);

    // The classes the school runs with its partners every year (Great Wall's dual system apart).
    static final List<ClassPlan> PARTNER_CLASSES = List.of(
            orderClass(YUYUN_AUTO, "渝运汽车订单班", AUTO, 2013, OPEN_ENDED),
            orderClass(HUASITE_MOULD, "华斯特模具订单班", MACHINING, 2013, 2016),
            orderClass(YADEA, "雅迪订单班", MECHATRONICS, 2014, OPEN_ENDED),
            orderClass(YADEA, "雅迪订单班", CNC, 2020, OPEN_ENDED),
            orderClass(PRIMAX, "致伸科技订单班", ELECTRONICS, 2015, OPEN_ENDED),
            orderClass(PRIMAX, "致伸科技订单班", COMPUTING, 2020, OPEN_ENDED),
            orderClass(PCCW, "电讯盈科订单班", COMPUTING, 2016, OPEN_ENDED),
            orderClass(PCCW, "电讯盈科订单班", NETWORKS, 2021, OPEN_ENDED),
            orderClass(YONGXIN, "永新信息订单班", NETWORKS, 2017, OPEN_ENDED),
            orderClass(ESV, "伊斯威订单班", MACHINING, 2018, OPEN_ENDED),
            orderClass(CHAZHU_ECOMMERCE, "茶竹电商订单班", E_COMMERCE, 2019, OPEN_ENDED),
            apprenticeship(PACIFIC_PRECISION, "太平洋精密现代学徒制", CNC, 2016),
            apprenticeship(DAWA, "达瓦科技现代学徒制", MECHATRONICS, 2018),
            apprenticeship(DAWA, "达瓦科技现代学徒制", ELECTRONICS, 2022),
            apprenticeship(WEIXINGHU_HOTEL, "卫星湖酒店现代学徒制", TOURISM, 2019));

    private static final String ORG_CODE_DIGITS = "0123456789";
    // Letters allowed in a credit code; organisation codes since 2015 start with MA and a region part.
    private static final String CREDIT_LETTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] ORG_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private DemoCatalogue() {}

    static MajorSpec major(String code) {
        return MAJORS.stream()
                .filter(m -> m.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo major " + code));
    }

    /**
     * A firm that takes students of the major in that year, chosen by weight; null when the school
     * had no such partner yet. Always consumes one random number, so that later draws do not depend
     * on the outcome.
     */
    static FirmSpec firmFor(String majorCode, int year, Random random) {
        double draw = random.nextDouble();
        int total = 0;
        for (FirmSpec firm : FIRMS) {
            if (firm.takesStudentsIn(year)) {
                total += firm.majors().getOrDefault(majorCode, 0);
            }
        }
        if (total == 0) {
            return null;
        }
        double target = draw * total;
        for (FirmSpec firm : FIRMS) {
            if (firm.takesStudentsIn(year)) {
                target -= firm.majors().getOrDefault(majorCode, 0);
                if (target < 0) {
                    return firm;
                }
            }
        }
        throw new IllegalStateException("weights changed during the draw");
    }

    private static ClassPlan orderClass(FirmSpec firm, String label, String majorCode, int from, int until) {
        return new ClassPlan(firm, label, majorCode, OrderClass.Programme.ORDER_CLASS, from, until, 40, 6);
    }

    private static ClassPlan apprenticeship(FirmSpec firm, String label, String majorCode, int from) {
        return new ClassPlan(
                firm, label, majorCode, OrderClass.Programme.MODERN_APPRENTICESHIP, from, OPEN_ENDED, 30, 4);
    }

    /**
     * A made-up credit code with the structure of a real one: 9 (registered by the market
     * regulator), 1 (enterprise), the division code, a nine-character organisation code with its
     * own GB 11714 check character, then the GB 32100 check character. Partners taken on from 2016
     * get the MA-style organisation code that newly registered firms have had since 2015.
     */
    static String creditCode(String key, String divisionCode, boolean registeredSince2016) {
        Random random = new Random(key.hashCode());
        StringBuilder organisation = new StringBuilder();
        if (registeredSince2016) {
            organisation.append("MA5U");
            for (int i = 0; i < 4; i++) {
                organisation.append(CREDIT_LETTERS.charAt(random.nextInt(CREDIT_LETTERS.length())));
            }
        } else {
            organisation.append((char) ('2' + random.nextInt(6)));
            for (int i = 0; i < 7; i++) {
                organisation.append(ORG_CODE_DIGITS.charAt(random.nextInt(10)));
            }
        }
        organisation.append(organisationCheckCharacter(organisation));
        String first17 = "91" + divisionCode + organisation;
        return first17 + CreditCode.checkCharacterFor(first17);
    }

    private static char organisationCheckCharacter(CharSequence first8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Character.digit(first8.charAt(i), 36) * ORG_CODE_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }
}
