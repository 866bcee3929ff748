package chengguan.engagement.web;

import java.util.Arrays;
import java.util.List;

import chengguan.engagement.SurveyQuestionDraft;
import chengguan.engagement.SurveyQuestionKind;

/** One question row of the survey form; the options of a choice question one per line. */
public class SurveyQuestionForm {

	private SurveyQuestionKind kind = SurveyQuestionKind.SINGLE_CHOICE;

	private String text;

	private boolean required = true;

	private String options;

	static SurveyQuestionForm of(SurveyQuestionDraft draft) {
		SurveyQuestionForm form = new SurveyQuestionForm();
		form.kind = draft.kind();
		form.text = draft.text();
		form.required = draft.required();
		form.options = String.join("\n", draft.options());
		return form;
	}

	/** A row left empty on the form (the spare rows) is no question. */
	boolean blank() {
		return (text == null || text.isBlank()) && (options == null || options.isBlank());
	}

	SurveyQuestionDraft draft() {
		List<String> lines = options == null ? List.of()
				: Arrays.stream(options.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
		return new SurveyQuestionDraft(kind, text, required, lines);
	}

	public SurveyQuestionKind getKind() {
		return kind;
	}

	public void setKind(SurveyQuestionKind kind) {
		this.kind = kind;
	}

	public String getText() {
		return text;
	}

	public void setText(String text) {
		this.text = text;
	}

	public boolean isRequired() {
		return required;
	}

	public void setRequired(boolean required) {
		this.required = required;
	}

	public String getOptions() {
		return options;
	}

	public void setOptions(String options) {
		this.options = options;
	}

}
