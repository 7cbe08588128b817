package app.quizroom.browser;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The projector's question and reveal screens with the longest questions a teacher is likely to write: every type
 * (single, multi, true/false, order with six long items, numeric, poll), long prompts and long explanations. At
 * 1280×720 and 1920×1080 each screen fits without scrolling, nothing is set under 24 px, and the reveal sets the
 * prompt and the options no smaller than the question did, and the explanation no smaller than the options.
 */
@Tag("browser")
class ProjectorFitBrowserTest {

    private static final String TITLE = "Long questions";
    private static final String BANK = """
            id: long-questions
            title: Long questions
            description: The longest prompts, options and explanations of each type.
            topic: Stalin's rise to power, 1924–29
            timeLimit: 60
            questions:
              - id: long-single
                type: single
                prompt: "In the power struggle after Lenin's death, which of these best explains why the post of General Secretary, created in 1922 and at first thought a dull administrative job, gave Stalin an advantage over rivals such as Trotsky, Zinoviev and Kamenev?"
                options:
                  - "He controlled appointments, so local secretaries owed their posts to him"
                  - text: "He commanded the Red Army, which let him threaten the other Politburo members"
                    explanation: "That was Trotsky, Commissar for War; Stalin never commanded the Red Army, and Trotsky lost that post in 1925."
                  - "He edited Pravda, which let him decide what every Party member read each day"
                  - "He chaired Sovnarkom, the government, after Lenin's strokes in 1922 and 1923"
                answer: "He controlled appointments, so local secretaries owed their posts to him"
                explanation: "Through the Secretariat and the Orgburo Stalin appointed the local Party secretaries; they chose the delegates to Party Congresses, so the Congresses that elected the Central Committee were full of men who owed their careers to him."
              - id: long-multi
                type: multi
                prompt: "Which of these helped Stalin defeat the United Opposition of Trotsky, Zinoviev and Kamenev in 1926–27? Choose every one that the notes give as a reason, not only the most important."
                options:
                  - "The Ban on Factions of 1921, which made opposition a breach of the rules"
                  - "Delegates to the Fifteenth Congress chosen by secretaries loyal to Stalin"
                  - "Bukharin and the Right backing Stalin's Socialism in One Country"
                  - "A popular rising in Leningrad in support of Kirov and the Right"
                  - "Trotsky's command of the Red Army until his expulsion in 1927"
                  - "The Opposition's demonstration on the tenth anniversary of October"
                answer:
                  - "The Ban on Factions of 1921, which made opposition a breach of the rules"
                  - "Delegates to the Fifteenth Congress chosen by secretaries loyal to Stalin"
                  - "Bukharin and the Right backing Stalin's Socialism in One Country"
                  - "The Opposition's demonstration on the tenth anniversary of October"
                explanation: "The Ban on Factions let Stalin call the Opposition a faction; loyal delegates outvoted it; Bukharin's Right supported him until 1928; and the demonstrations of November 1927 gave him the excuse to expel Trotsky and Zinoviev."
              - id: long-truefalse
                type: truefalse
                prompt: "True or false: Lenin's Testament, which warned that Stalin was too rude and should be removed as General Secretary, was read out to the whole Thirteenth Party Congress in May 1924 and published in Pravda soon afterwards, so that every Party member knew of it."
                answer: false
                explanation: "False. The Testament was read only to the heads of delegations at the Congress, who agreed not to act on it, and it was not published in the Soviet Union until 1956; Zinoviev and Kamenev helped keep it quiet."
              - id: long-order
                type: order
                prompt: "Put these events of Stalin's rise in the order in which they happened, from the earliest to the latest, as the notes tell them."
                items:
                  - "Stalin becomes Commissar for Nationalities in Lenin's first government"
                  - "Stalin is elected General Secretary of the Party by the Central Committee"
                  - "Lenin dies and Stalin leads the mourners while Trotsky is in the Caucasus"
                  - "Zinoviev and Kamenev break with Stalin and join Trotsky's Opposition"
                  - "Trotsky and Zinoviev are expelled from the Party after the demonstrations"
                  - "Bukharin is removed from the Politburo, and the Right is defeated"
                timeLimit: 90
                explanation: "Commissar for Nationalities in 1917, General Secretary in 1922, Lenin's death in January 1924, the United Opposition in 1926, the expulsions in November 1927, and Bukharin's removal from the Politburo in November 1929."
              - id: long-numeric
                type: numeric
                prompt: "By the end of the Lenin Enrolment, the great recruitment drive that followed Lenin's death in 1924 and brought many new, poorly educated members loyal to the Secretariat into the Party, roughly how many new members had joined? Give the nearest thousand."
                answer: 240000
                tolerance: 20000
                unit: members
                explanation: "About 240,000 workers joined in the Lenin Enrolment of 1924. Most had little knowledge of Marxist theory and owed their membership cards to the Secretariat, which made them natural supporters of Stalin."
              - id: long-poll
                type: poll
                prompt: "Historians disagree about why Stalin won the power struggle. Which of these readings convinces you most, now that you have seen the evidence from the notes about his posts, his rivals and the Party?"
                options:
                  - "Deutscher: the bureaucracy he controlled chose him, the man of the machine"
                  - "Tucker: his own ambition and skill as a politician made the difference"
                  - "His rivals' mistakes: Trotsky's arrogance and the Left's bad timing"
                  - "Circumstances: the instability and fear after Lenin's death favoured him"
                explanation: "There is no right answer: a strong essay weighs these readings against each other and uses evidence from the notes for each one."
            """;

    @RegisterExtension
    static final BrowserFixture browser = BrowserFixture.withBank("long-questions.yaml", BANK, Map.of());

    private final Projector projector = browser.projector();
    private final Phone phone = browser.phone(0);

    /** Font sizes (px) of one screen at one window size; null where the screen has no such text. */
    private record Type(Double prompt, Double option, Double explanation, Double mistake) {
    }

    private Double px(String css) {
        Object v = projector.js("const e = document.querySelector(arguments[0]);"
                + " return e && e.checkVisibility() ? parseFloat(getComputedStyle(e).fontSize) : null;", css);
        return v == null ? null : ((Number) v).doubleValue();
    }

    private Type questionType() {
        return new Type(px("[data-testid=screen-question] [data-testid=prompt]"),
                px("[data-testid=screen-question] .tile-text"), null, null);
    }

    private Type revealType() {
        return new Type(px("[data-testid=reveal-prompt]"), px("[data-testid=screen-reveal] .row-text"),
                px("[data-testid=explanation]"), px("[data-testid=mistake]"));
    }

    /** At each size, a screenshot; the screen fits and no text is under 24 px; returns what {@code measure} reads. */
    private <T> List<T> atBothSizes(String name, Supplier<T> measure) {
        List<T> measured = new ArrayList<>();
        for (int[] size : new int[][] {{1920, 1080}, {1280, 720}}) {
            projector.resize(size[0], size[1]);
            String where = name + " at " + size[0] + "×" + size[1] + " (type scale "
                    + projector.js("return document.querySelector('.screen:not([hidden])').dataset.fit") + ")";
            Chrome.screenshot(projector.driver, "projector-long-" + name + "-" + size[0] + "x" + size[1]);
            assertTrue(projector.fitsScreen(), "the projector's " + where + " scrolls");
            double smallest = projector.smallestText();
            assertTrue(smallest >= 24, "text of " + smallest + " px on the " + where);
            measured.add(measure.get());
        }
        return measured;
    }

    private static void atLeast(Double revealed, Double asked, String what) {
        assertTrue(revealed != null && asked != null, what + ": both shown (" + revealed + ", " + asked + ")");
        assertTrue(revealed >= asked - 0.01, what + ": " + revealed + " px at the reveal, " + asked + " px before");
    }

    /** Question {@code number}: intro and answering fit; the phone answers; the reveal fits and reads as large. */
    private void question(int number, String name, boolean hasOptions, Consumer<Phone> answer) {
        projector.awaitQuestion(number);
        atBothSizes(name + "-intro", () -> null);
        browser.time().advance(2_000);
        phone.awaitAnswering(number);
        projector.awaitText(Page.onScreen("question", "countdown"), t -> !t.isEmpty(), "a countdown");
        List<Type> asked = atBothSizes("question-" + name, this::questionType);
        answer.accept(phone);
        projector.awaitScreen("reveal");
        List<Type> revealed = atBothSizes("reveal-" + name, this::revealType);
        for (int i = 0; i < 2; i++) {
            Type q = asked.get(i);
            Type r = revealed.get(i);
            String size = name + (i == 0 ? " at 1920×1080" : " at 1280×720");
            atLeast(r.prompt(), q.prompt(), "the prompt of " + size);
            if (hasOptions) {
                atLeast(r.option(), q.option(), "the options of " + size);
                atLeast(r.explanation(), r.option(), "the explanation against the options of " + size);
            }
            assertTrue(r.explanation() != null && r.explanation() >= 24, "the explanation of " + size);
            if (r.mistake() != null) {
                atLeast(r.mistake(), r.option(), "the most chosen wrong answer's explanation of " + size);
            }
        }
        projector.next("Show leaderboard");
        projector.awaitScreen("leaderboard");
    }

    @Test
    void everyQuestionTypeWithLongTextsFitsBothScreenSizesAndTheRevealIsNeverSmaller() {
        browser.gameWith(TITLE, 2, "Ann");
        projector.start();

        // A wrong answer that has its own explanation, so the reveal shows both explanations.
        question(1, "single", true, p -> p.choose("He commanded the Red Army"));
        projector.next("Next question");
        question(2, "multi", true, p -> p.chooseAll(List.of("The Ban on Factions", "Delegates to the Fifteenth")));
        projector.next("Next question");
        question(3, "truefalse", true, p -> p.choose("False"));
        projector.next("Next question");
        question(4, "order", true, p -> p.order(List.of("Commissar for Nationalities",
                "elected General Secretary", "Lenin dies", "join Trotsky's Opposition", "expelled from the Party",
                "Bukharin is removed")));
        projector.next("Next question");
        question(5, "numeric", false, p -> p.type("235000"));
        projector.next("Next question");
        question(6, "poll", true, p -> p.choose("Tucker"));
    }
}
