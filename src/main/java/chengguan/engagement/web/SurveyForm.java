package chengguan.engagement.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

import chengguan.engagement.Survey;
import chengguan.engagement.SurveyDetails;
import chengguan.engagement.SurveyQuestionDraft;

/**
 * The survey form: title, introduction, period, target communities and the questions. Once residents have
 * answered, the questions are shown but no longer sent ({@code questionsLocked}).
 */
public class SurveyForm {

	/** Empty question rows the form offers at a time. */
	static final int SPARE_ROWS = 3;

	private Long templateId;

	private String title;

	private String intro;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate startDate;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate endDate;

	private List<Long> communityIds = new ArrayList<>();

	private List<SurveyQuestionForm> questions = new ArrayList<>();

	private Long version;

	private boolean questionsLocked;

	static SurveyForm of(SurveyDetails details) {
		SurveyForm form = new SurveyForm();
		form.templateId = details.templateId();
		form.title = details.title();
		form.intro = details.intro();
		form.startDate = details.startDate();
		form.endDate = details.endDate();
		form.communityIds = new ArrayList<>(details.communityIds());
		if (details.questions() != null) {
			details.questions().forEach(question -> form.questions.add(SurveyQuestionForm.of(question)));
		}
		return form;
	}

	static SurveyForm of(Survey survey, boolean answered) {
		SurveyForm form = of(new SurveyDetails(survey.title(), survey.intro(), survey.startDate(), survey.endDate(),
				survey.communityIds(), survey.questions().stream().map(SurveyQuestionDraft::of).toList(), null));
		form.version = survey.version();
		form.questionsLocked = answered;
		return form;
	}

	void addSpareRows() {
		for (int i = 0; i < SPARE_ROWS; i++) {
			questions.add(new SurveyQuestionForm());
		}
	}

	SurveyDetails details() {
		List<SurveyQuestionDraft> drafts = questionsLocked ? null
				: questions.stream().filter(question -> !question.blank()).map(SurveyQuestionForm::draft).toList();
		return new SurveyDetails(title, intro, startDate, endDate, communityIds, drafts, templateId);
	}

	public Long getTemplateId() {
		return templateId;
	}

	public void setTemplateId(Long templateId) {
		this.templateId = templateId;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getIntro() {
		return intro;
	}

	public void setIntro(String intro) {
		this.intro = intro;
	}

	public LocalDate getStartDate() {
		return startDate;
	}

	public void setStartDate(LocalDate startDate) {
		this.startDate = startDate;
	}

	public LocalDate getEndDate() {
		return endDate;
	}

	public void setEndDate(LocalDate endDate) {
		this.endDate = endDate;
	}

	public List<Long> getCommunityIds() {
		return communityIds;
	}

	public void setCommunityIds(List<Long> communityIds) {
		this.communityIds = communityIds;
	}

	public List<SurveyQuestionForm> getQuestions() {
		return questions;
	}

	public void setQuestions(List<SurveyQuestionForm> questions) {
		this.questions = questions;
	}

	public Long getVersion() {
		return version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

	public boolean isQuestionsLocked() {
		return questionsLocked;
	}

	public void setQuestionsLocked(boolean questionsLocked) {
		this.questionsLocked = questionsLocked;
	}

}
