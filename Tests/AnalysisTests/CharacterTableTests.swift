import Pipeline
import Testing
import TextNormalization

/// The project's traditional → simplified table (generated from ICU, without the characters of kept.txt).
private var normalizer: Normalizer { Normalizer(simplification: lexicons.simplification) }

@Test(arguments: [("摔了一跤", "摔了一跤"), ("俱乐部", "俱乐部"), ("姊妹", "姊妹"), ("一片狼藉", "一片狼藉")])
func simplifiedCharactersICUWouldRewriteStayAsTheyAre(text: String, expected: String) {
    #expect(normalizer.normalize(text).text == expected)
}

@Test(arguments: [("臨泉縣治超站", "临泉县治超站"), ("亂罰款", "乱罚款"), ("於是", "于是")])
func traditionalCharactersAreStillSimplified(text: String, expected: String) {
    #expect(normalizer.normalize(text).text == expected)
}
