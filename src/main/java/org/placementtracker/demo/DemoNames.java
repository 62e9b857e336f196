package org.placementtracker.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Chinese personal names as they are common in south-west China, drawn from a seeded random. */
final class DemoNames {

    // Each surname is repeated roughly by how common it is in the region.
    private static final String[] SURNAMES =
            byWeight("王14 李13 张11 刘10 陈9 杨8 周5 黄5 何4 罗4 唐4 赵4 吴4 徐3 胡3 谭3 袁3 邓3 蒋3 曾3 彭3 余3 "
                    + "孙2 朱2 高2 林2 郭2 马2 冉2 熊2 廖2 谢2 付2 程2 杜2 向2 雷2 龚2 田2 代2 秦1 夏1 万1 文1 汪1");
    private static final String MALE = "浩宇轩杰俊涛鑫磊鹏翔豪博文明强伟军洋帅航睿泽晨阳凯林川毅峰龙彬超斌锐瑞子梓一嘉家志建天思雨海波坤宏";
    private static final String FEMALE = "欣怡雨婷佳琪雪丽静梦瑶思颖倩玲娜悦蕾萱诗涵琳妍月慧敏晓露洁璐雯芳燕楠茜语可馨一子梓";

    private DemoNames() {}

    /** A student's name: surname and one or (more often) two given-name characters. */
    static String person(boolean male, Random random) {
        String pool = male ? MALE : FEMALE;
        String surname = surname(random);
        char first = pool.charAt(random.nextInt(pool.length()));
        char second = pool.charAt(random.nextInt(pool.length()));
        boolean single = random.nextInt(4) == 0;
        return single || first == second ? surname + first : surname + first + second;
    }

    /** How a workshop addresses a firm mentor: surname and 师傅. */
    static String mentor(Random random) {
        return surname(random) + "师傅";
    }

    private static String surname(Random random) {
        return SURNAMES[random.nextInt(SURNAMES.length)];
    }

    private static String[] byWeight(String weighted) {
        List<String> names = new ArrayList<>();
        for (String entry : weighted.trim().split("\\s+")) {
            String surname = entry.substring(0, 1);
            int weight = Integer.parseInt(entry.substring(1));
            for (int i = 0; i < weight; i++) {
                names.add(surname);
            }
        }
        return names.toArray(String[]::new);
    }
}
