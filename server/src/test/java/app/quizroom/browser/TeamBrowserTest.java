package app.quizroom.browser;

import app.quizroom.config.Limits;
import app.quizroom.scoring.Scoring;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Team games in real Chromium: team columns in the projector's lobby, a phone's team colour and name, picking a team
 * on the phone, the teacher moving a player, team talk, and the team leaderboard and podium showing the scores the
 * server computed (checked against the documented rule: a team scores the average of its members' points).
 */
@Tag("browser")
class TeamBrowserTest {

    @RegisterExtension
    static final BrowserFixture browser = BrowserFixture.withTestBank();

    private static String rgb(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return "rgb(" + (v >> 16) + ", " + ((v >> 8) & 0xff) + ", " + (v & 0xff) + ")";
    }

    @Test
    void theTeacherMovesAPlayerBetweenTeamColumnsAndTheTeamPodiumShowsTheServersTeamScores(
            Projector projector, List<Phone> phones) {
        projector.open().setUpGame(TestBank.TITLE, 1);
        projector.teams(2, false, null, 5);
        projector.assertAccessible("the team setup");
        projector.screenshots("setup-teams");
        String pin = projector.submitGame();
        Phone ann = phones.get(0);
        Phone bob = phones.get(1);
        Phone cy = phones.get(2);
        // Automatic teams: each newcomer goes to the smallest team, the lower id on a tie.
        ann.open(pin).join(pin, "Ann");
        bob.open(pin).join(pin, "Bob");
        cy.open(pin).join(pin, "Cy");
        projector.awaitPlayers(3);
        projector.awaitTeamColumns(List.of("Red team: Ann, Cy", "Blue team: Bob"));

        // Each phone shows its team by name, next to a swatch in the team's colour.
        ann.awaitTeam("Red team");
        assertEquals("Red team", ann.text(Page.onScreen("lobby", "lobby-team-name")));
        assertEquals(rgb("#e53935"), ann.teamSwatchColour());
        bob.awaitTeam("Blue team");
        assertEquals(rgb("#2f7fe0"), bob.teamSwatchColour());

        // Click-then-click, by keyboard: Cy's name, then the Blue column's "Move here".
        projector.playerButton("Cy").sendKeys(Keys.ENTER);
        WebElement moveHere = projector.driver.switchTo().activeElement();
        assertEquals("Move Cy to the Blue team", moveHere.getDomAttribute("aria-label"),
                "the keyboard lands on the other team's column");
        moveHere.sendKeys(Keys.ENTER);
        projector.awaitTeamColumns(List.of("Red team: Ann", "Blue team: Bob, Cy"));
        cy.awaitTeam("Blue team");
        cy.awaitText(Page.onScreen("lobby", "team-note"), "The teacher put you in the Blue team.");
        projector.assertAccessible("the team lobby");
        projector.screenshots("team-lobby");
        cy.assertAccessible("the phone's team lobby");
        cy.screenshot("team-lobby");

        // Reading time, then team talk: the options show on the phones but cannot be tapped yet.
        projector.start();
        projector.awaitQuestion(1);
        browser.time().advance(1000);
        projector.awaitText(Page.onScreen("question", "team-talk"), t -> t.startsWith("Team talk"), "the team talk flag");
        for (Phone p : phones) {
            p.awaitText(Page.onScreen("question", "phone-team-talk"), t -> t.startsWith("Team talk"), "team talk");
            List<WebElement> tiles = p.driver.findElements(Page.onScreen("question", "choice"));
            assertEquals(4, tiles.size());
            assertTrue(tiles.stream().allMatch(WebElement::isDisplayed), "options visible during team talk");
            assertTrue(tiles.stream().noneMatch(WebElement::isEnabled), "answers closed during team talk");
        }
        cy.assertAccessible("the phone's team talk");
        cy.screenshot("team-talk");
        projector.assertAccessible("the projector's team talk");
        projector.screenshots("team-talk");
        browser.time().advance(5000);
        phones.forEach(p -> p.awaitAnswering(1));

        // Ann right at once, Bob right after 4 s, Cy wrong.
        int annPoints = Scoring.classicPoints(1000, 1, 0, TestBank.LIMIT_MS);
        ann.choose("Paris");
        browser.time().advance(4000);
        int bobPoints = Scoring.classicPoints(1000, 1, 4000, TestBank.LIMIT_MS);
        bob.choose("Paris");
        cy.choose("Lyon");
        long red = Math.round(annPoints / 1.0);
        long blue = Math.round((bobPoints + 0) / 2.0);
        assertTrue(red > blue);

        projector.awaitScreen("reveal");
        ann.awaitScreen("result");
        assertEquals("1st of 2", ann.text(Page.onScreen("result", "team-rank")));
        assertEquals(Page.number(red) + " points", ann.text(Page.onScreen("result", "team-total")));
        bob.awaitScreen("result");
        assertEquals("2nd of 2", bob.text(Page.onScreen("result", "team-rank")));
        assertEquals(Page.number(blue) + " points", bob.text(Page.onScreen("result", "team-total")));
        assertEquals("Blue team", bob.myTeam(), "the team shows on the result screen too");
        bob.assertAccessible("the phone's team result");
        bob.screenshot("team-result");

        projector.next("Show leaderboard");
        projector.awaitScreen("leaderboard");
        assertEquals(List.of("1|Red team|+" + Page.number(red) + "|" + Page.number(red), "2|Blue team|+" + Page.number(blue) + "|" + Page.number(blue)),
                projector.teamLeaderboard());
        assertEquals(3, projector.leaderboard().size(), "the players' ranking stays alongside");
        projector.assertAccessible("the team leaderboard");
        projector.screenshots("team-leaderboard");

        projector.click(Page.onScreen("leaderboard", "end"));
        projector.click(Page.onScreen("leaderboard", "end"));
        projector.awaitScreen("podium");
        assertEquals(List.of("Red team", "Blue team"), projector.podiumNames());
        assertEquals(List.of("1|Red team|" + Page.number(red) + "|Top contributor: Ann (" + Page.number(annPoints) + ")",
                "2|Blue team|" + Page.number(blue) + "|Top contributor: Bob (" + Page.number(bobPoints) + ")"), projector.teamPodium());
        projector.awaitPodiumRevealed();
        projector.assertAccessible("the team podium");
        projector.screenshots("team-podium");

        browser.time().advance(Limits.PODIUM_REVEAL_MS); // the server's side of the podium's reveal
        cy.awaitScreen("final");
        assertEquals("2nd of 2", cy.text(Page.onScreen("final", "team-rank")));
        assertEquals(Page.number(blue) + " points", cy.text(Page.onScreen("final", "team-total")));
        cy.assertAccessible("the phone's team final");
        cy.screenshot("team-final");
        phones.forEach(p -> assertTrue(p.fitsWidth(), "no horizontal scroll on a 360 px phone"));
    }

    @Test
    void playersPickATeamOnTheirPhoneAFullTeamCannotBeChosenAndTheyMaySwitchInTheLobby(
            Projector projector, Phone ann, Phone bob) {
        projector.open().setUpGame(TestBank.TITLE, 0);
        projector.teams(3, true, 1, 0);
        String pin = projector.submitGame();
        projector.awaitTeamColumns(List.of("Red team: ", "Blue team: ", "Green team: "));

        ann.open(pin).joinToTeamChoice(pin, "Ann");
        assertEquals(List.of("Red team|0 players|true", "Blue team|0 players|true", "Green team|0 players|true"),
                ann.teamChoices());
        ann.assertAccessible("the team choice");
        ann.screenshot("team-choice");
        ann.pickTeam("Red team");
        projector.awaitTeamColumns(List.of("Red team: Ann", "Blue team: ", "Green team: "));
        assertTrue(projector.driver.findElements(Page.onScreen("lobby", "team-size")).get(0).getText().startsWith("1 · full"));

        // The cap is 1: the Red team is full for the next player.
        bob.open(pin).joinToTeamChoice(pin, "Bob");
        assertEquals(List.of("Red team|Full · 1 player|false", "Blue team|0 players|true", "Green team|0 players|true"),
                bob.teamChoices());
        bob.pickTeam("Blue team");

        // Until the start, a player may switch, but not into a full team.
        bob.switchTeam("Green team");
        bob.awaitTeam("Green team");
        projector.awaitTeamColumns(List.of("Red team: Ann", "Blue team: ", "Green team: Bob"));
        bob.switchTeam("Red team");
        bob.awaitText(Page.onScreen("lobby", "lobby-notice"), "The Red team is full; choose another team.");
        assertEquals("Green team", bob.myTeam());
        bob.assertAccessible("the lobby's team switch");
        bob.screenshot("team-switch");
        assertFalse(bob.driver.findElements(By.cssSelector("[data-testid=\"switch-team\"][aria-current=\"true\"]")).isEmpty(),
                "the player's own team is marked as theirs");
    }
}
