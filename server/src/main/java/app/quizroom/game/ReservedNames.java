package app.quizroom.game;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Names a player may not take because the class would read them as the teacher or the game itself: "Teacher",
 * "Host", "Admin", "System", "Quizroom" and their usual words in the languages of our schools. A name is refused
 * when it, or one of its words (with or without its digits), is one of these or looks like one ({@code Т3acher}
 * with a Cyrillic Т, {@code H0st}): compared on the same look-alike forms as nicknames. "Hostess" and
 * "Ghost" pass: a word must match whole. In scripts written without spaces a few unambiguous words are refused
 * anywhere in the name.
 */
final class ReservedNames {

    private static final List<String> WORDS = List.of(
            // English
            "teacher", "host", "admin", "administrator", "system", "quizroom", "moderator", "server", "staff",
            "official", "sysadmin",
            // French, German, Spanish, Portuguese, Italian, Dutch
            "professeur", "prof", "enseignant", "enseignante", "maître", "maîtresse", "hôte", "administrateur",
            "système", "serveur", "lehrer", "lehrerin", "gastgeber", "profesor", "profesora", "maestro", "maestra",
            "anfitrión", "administrador", "sistema", "servidor", "professor", "professora", "anfitrião",
            "insegnante", "professore", "professoressa", "amministratore", "leraar", "lerares", "docent", "juf",
            "meester", "beheerder", "systeem",
            // Polish, Turkish, Russian, Ukrainian, Greek
            "nauczyciel", "nauczycielka", "öğretmen", "yönetici", "sistem", "учитель", "учительница",
            "преподаватель", "админ", "администратор", "система", "вчитель", "вчителька", "адмін", "δάσκαλος",
            "δασκάλα", "καθηγητής", "καθηγήτρια", "διαχειριστής",
            // Arabic, Hindi, and whole names in East Asian scripts
            "معلم", "مدرس", "المعلم", "مشرف", "शिक्षक", "अध्यापक", "先生", "システム", "ホスト", "교사", "시스템");
    private static final List<String> ANYWHERE = List.of("老师", "老師", "教师", "教師", "管理员", "管理員", "管理者",
            "선생님", "관리자");

    private static final Set<String> FORMS = new HashSet<>();

    static {
        for (String word : WORDS) {
            FORMS.addAll(Confusables.forms(Nicknames.key(word)));
        }
    }

    private ReservedNames() {
    }

    /** True if the name, or a word of it, stands for the teacher or the game. */
    static boolean reserved(String name) {
        for (String word : ANYWHERE) {
            if (name.contains(word)) {
                return true;
            }
        }
        if (matches(name)) {
            return true;
        }
        for (String word : name.split("[\\s\\p{Punct}_·・]+")) {
            if (!word.isEmpty() && (matches(word) || matches(word.replaceAll("\\p{Nd}", "")))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String text) {
        String key = Nicknames.key(text);
        if (key.isEmpty()) {
            return false;
        }
        for (String form : Confusables.forms(key)) {
            if (FORMS.contains(form)) {
                return true;
            }
        }
        return false;
    }
}
