package app.quizroom.bank;

import java.util.ArrayList;
import java.util.List;

/**
 * One question of a {@link BankDraft}. Which fields are written depends on {@link #getType()}: options and their
 * {@code correct} flags for single, multi and poll; options as items in the right order for order;
 * {@link #getTrueFalseAnswer()} for truefalse; {@link #getNumericAnswer()}, tolerance and unit for numeric. The
 * others are kept, so a teacher can switch the type back without losing them, but are not saved.
 */
public final class QuestionDraft {

    private String id;
    private QuestionType type;
    private String prompt;
    private String image;
    private String imageAlt;
    private List<OptionDraft> options = new ArrayList<>();
    private Boolean trueFalseAnswer;
    private Double numericAnswer;
    private Double tolerance;
    private String unit;
    private Integer timeLimit;
    private Integer points;
    private Skill skill;
    private String explanation;
    private String source;
    private List<String> tags = new ArrayList<>();

    /** Unique within the bank: letters, digits, '-' and '_'. */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public QuestionType getType() {
        return type;
    }

    public void setType(QuestionType type) {
        this.type = type;
    }

    public String getPrompt() {
        return prompt;
    }

    public void setPrompt(String prompt) {
        this.prompt = prompt;
    }

    /** A picture file beside the bank ({@code kremlin.png}), or null. */
    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    /** The picture described in words (at most 300 characters); required with an image. */
    public String getImageAlt() {
        return imageAlt;
    }

    public void setImageAlt(String imageAlt) {
        this.imageAlt = imageAlt;
    }

    /** The options (single, multi, poll) or the items in their right order (order); the list may be changed. */
    public List<OptionDraft> getOptions() {
        return options;
    }

    public void setOptions(List<OptionDraft> options) {
        this.options = new ArrayList<>(options);
    }

    /** The answer of a truefalse question; null when not set. */
    public Boolean getTrueFalseAnswer() {
        return trueFalseAnswer;
    }

    public void setTrueFalseAnswer(Boolean trueFalseAnswer) {
        this.trueFalseAnswer = trueFalseAnswer;
    }

    public Double getNumericAnswer() {
        return numericAnswer;
    }

    public void setNumericAnswer(Double numericAnswer) {
        this.numericAnswer = numericAnswer;
    }

    /** Accepted distance from the numeric answer; null for none written (0). */
    public Double getTolerance() {
        return tolerance;
    }

    public void setTolerance(Double tolerance) {
        this.tolerance = tolerance;
    }

    /** Shown after a numeric answer box, e.g. {@code members}; null for none. */
    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    /** Seconds to answer; null for the bank's default. */
    public Integer getTimeLimit() {
        return timeLimit;
    }

    public void setTimeLimit(Integer timeLimit) {
        this.timeLimit = timeLimit;
    }

    /**
     * Full points; null for the default (standard, 1000). Written as {@code standard}, {@code double} or
     * {@code none} when it is 1000, 2000 or 0.
     */
    public Integer getPoints() {
        return points;
    }

    public void setPoints(Integer points) {
        this.points = points;
    }

    public Skill getSkill() {
        return skill;
    }

    public void setSkill(Skill skill) {
        this.skill = skill;
    }

    public String getExplanation() {
        return explanation;
    }

    public void setExplanation(String explanation) {
        this.explanation = explanation;
    }

    /** The section of the study notes the question comes from. */
    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    /** Free-text tags; an empty list is not written. */
    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = new ArrayList<>(tags);
    }
}
