package app.quizroom.browser;

import java.util.List;
import java.util.Map;

/**
 * The longest question of each type in the bundled banks (questions/), their prompts, options and items word for
 * word, as one bank: what a phone must find room for. With the steps of a game of it, for the phone tests.
 */
final class LongestBank {

    static final String TITLE = "Longest questions";
    static final String YAML = """
            id: longest-questions
            title: "Longest questions"
            description: "The longest question of each type in the bundled banks."
            topic: "Phone layout"
            timeLimit: 40
            questions:
              - id: trotsky-knew
                type: single
                prompt: "Trotsky wrote that Moscow told him the funeral would be on Saturday, too soon for him to return; it was held on Sunday. Which point, if true, most weakens his claim that he was deliberately kept away?"
                options:
                  - text: "Moscow had also been slow to tell him of Lenin's first illness in 1922"
                    explanation: "Trotsky cited this himself as part of a 'system' of keeping him in the dark, so it supports his claim."
                  - "Stalin's allies later used his absence against him"
                  - "He was running a high fever for the whole journey"
                  - "The funeral was put back a day after he was told, for late delegations"
                answer: "The funeral was put back a day after he was told, for late delegations"
                explanation: "If the date moved after Trotsky was told 'Saturday', the wrong date could be an honest change."
              - id: deutscher-or-tucker
                type: multi
                prompt: "Which of these pieces of evidence support Deutscher's reading of Stalin's rise rather than Tucker's? Choose all that apply."
                options:
                  - "Many members welcomed the claim that Russia could build socialism alone"
                  - "Stalin used his access to Party records to outmanoeuvre rivals"
                  - "Members weary of upheaval wanted a practical, national path"
                  - "Stalin switched economic policies whenever it helped him against rivals"
                  - "Stalin used the Ban on Factions to brand opponents as splitters"
                  - "Stalin convinced members that his model was the way forward"
                answer: ["Stalin used his access to Party records to outmanoeuvre rivals", "Stalin switched economic policies whenever it helped him against rivals", "Stalin used the Ban on Factions to brand opponents as splitters"]
              - id: foundations-first-edition
                type: truefalse
                prompt: "The first edition of Stalin's Foundations of Leninism, in spring 1924, already argued that the USSR could complete the building of socialism by itself."
                answer: false
              - id: testament-sequence
                type: order
                prompt: "Put these moments in the story of Lenin's Testament in the order they happened."
                items:
                  - "Lenin warns that relations between Stalin and Trotsky endanger Party unity"
                  - "Lenin asks comrades to think how to replace Stalin in his post"
                  - "Congress delegations hear Lenin's letter read in closed sessions"
                  - "Max Eastman's book Since Lenin Died reveals the letter abroad"
              - id: membership-doubled
                type: numeric
                prompt: "The notes give Party membership as 340,000 before the Lenin Enrolment and 600,000 after it. By roughly what percentage did membership grow? (Type a whole number.)"
                answer: 76
                tolerance: 3
                unit: "%"
              - id: poll-popular-support
                type: poll
                prompt: "Discussion: where is the popular support in the case of Stalin?"
                options:
                  - "Inside the Party: appointees and new recruits"
                  - "In the appeal of Socialism in One Country"
                  - "Hardly anywhere: his power rested on the apparatus"
                  - "Among the wider public outside the Party"
            """;
    /** The order question's items, in the right order. */
    static final List<String> TESTAMENT = List.of(
            "Lenin warns that relations between Stalin and Trotsky endanger Party unity",
            "Lenin asks comrades to think how to replace Stalin in his post",
            "Congress delegations hear Lenin's letter read in closed sessions",
            "Max Eastman's book Since Lenin Died reveals the letter abroad");

    private LongestBank() {
    }

    /** A server with this bank. */
    static BrowserFixture fixture() {
        return BrowserFixture.withBank("longest.yaml", YAML, Map.of());
    }

    /** A game of this bank with these players (phones 0, 1, …) joined and started, answers open on question 1. */
    static String start(BrowserFixture browser, String... names) {
        return browser.startedGame(TITLE, 0, names);
    }

    /** From a reveal, through the leaderboard, to answers open on question {@code number} on the first phones. */
    static void next(BrowserFixture browser, int number, int players) {
        Projector projector = browser.projector();
        projector.next("Show leaderboard");
        projector.next("Next question");
        projector.awaitQuestion(number);
        for (int i = 0; i < players; i++) {
            browser.phone(i).awaitAnswering(number);
        }
    }
}
