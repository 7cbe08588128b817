package app.quizroom.bank;

import java.util.ArrayList;
import java.util.List;

/**
 * A bank as the editor holds it: every field of the YAML format, mutable, and allowed to be wrong or incomplete
 * while a teacher works on it. {@link BankYaml} reads it from a bank file, writes it back in the bundled banks'
 * layout, and checks it with the same validator the server loads banks with. A null field is absent from the
 * file (the format's default applies).
 */
public final class BankDraft {

    private String id;
    private String title;
    private String description;
    private String topic;
    private Integer timeLimit;
    private List<QuestionDraft> questions = new ArrayList<>();

    /** Unique among the banks of a folder: lower-case letters, digits and '-'. */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    /** Default seconds per question; null for the format's default (20). */
    public Integer getTimeLimit() {
        return timeLimit;
    }

    public void setTimeLimit(Integer timeLimit) {
        this.timeLimit = timeLimit;
    }

    /** The questions in play order; the list itself may be changed. */
    public List<QuestionDraft> getQuestions() {
        return questions;
    }

    public void setQuestions(List<QuestionDraft> questions) {
        this.questions = new ArrayList<>(questions);
    }
}
