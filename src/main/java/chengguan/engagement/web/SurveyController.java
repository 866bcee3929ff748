package chengguan.engagement.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import chengguan.engagement.Survey;
import chengguan.engagement.SurveyDetails;
import chengguan.engagement.SurveyFigures;
import chengguan.engagement.SurveyLinks;
import chengguan.engagement.SurveyPoster;
import chengguan.engagement.SurveyQuestionKind;
import chengguan.engagement.SurveyResults;
import chengguan.engagement.SurveyWorkbook;
import chengguan.engagement.Surveys;
import chengguan.organization.RegionService;
import chengguan.platform.PlatformProperties;
import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.documents.QrCodes;
import chengguan.platform.security.Role;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.NotFoundException;
import chengguan.platform.web.UserFacingException;

/**
 * 满意度调查 for staff: the list with the templates, the form, one survey with its links, QR codes and posters per
 * community, its results in the person's scope and the .xlsx export.
 */
@Controller
@RequestMapping("/engagement/surveys")
class SurveyController {

	private static final String ORGANIZERS = "hasAnyRole('ADMIN','DISPATCHER','LEADER')";

	private final Surveys surveys;

	private final SurveyResults results;

	private final SurveyLinks links;

	private final RegionService regions;

	private final AuditLog auditLog;

	private final PlatformProperties platform;

	private final MessageSource messages;

	SurveyController(Surveys surveys, SurveyResults results, SurveyLinks links, RegionService regions,
			AuditLog auditLog, PlatformProperties platform, MessageSource messages) {
		this.surveys = surveys;
		this.results = results;
		this.links = links;
		this.regions = regions;
		this.auditLog = auditLog;
		this.platform = platform;
		this.messages = messages;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal StaffPrincipal me,
			Model model) {
		Surveys.SurveyPage shown = surveys.listPage(me, page);
		model.addAttribute("surveys", shown.surveys());
		model.addAttribute("templates", shown.templates());
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("hasNext", shown.hasNext());
		model.addAttribute("today", surveys.today());
		model.addAttribute("organizer", organizer(me));
		return "engagement/survey-list";
	}

	@GetMapping("/new")
	@PreAuthorize(ORGANIZERS)
	String newSurvey(@RequestParam(required = false) Long template, @AuthenticationPrincipal StaffPrincipal me,
			Model model) {
		List<Long> communities = regions.communities(me.scope()).stream().map(region -> region.id()).toList();
		SurveyForm form;
		if (template != null) {
			Survey chosen = surveys.find(template).filter(Survey::template).orElseThrow(NotFoundException::new);
			form = SurveyForm.of(surveys.fromTemplate(chosen, surveys.today(), surveys.today().plusMonths(1),
					communities));
		}
		else {
			form = SurveyForm.of(new SurveyDetails("", "", surveys.today(), surveys.today().plusMonths(1), communities,
					List.of(), null));
			form.addSpareRows();
		}
		return form(null, form, me, model);
	}

	@PostMapping
	@PreAuthorize(ORGANIZERS)
	String create(@ModelAttribute("form") SurveyForm form, BindingResult binding,
			@RequestParam(required = false) String more, @AuthenticationPrincipal StaffPrincipal me, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (more != null) {
			form.addSpareRows();
			return form(null, form, me, model);
		}
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", messages.getMessage("survey.form.invalid", null, LocaleContextHolder.getLocale()));
			return form(null, form, me, model);
		}
		try {
			Survey created = surveys.create(form.details(), me);
			redirect.addFlashAttribute("notice", "surveyCreated");
			return "redirect:/engagement/surveys/" + created.id();
		}
		catch (UserFacingException ex) {
			return refused(ex, null, form, me, model, response);
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		Survey survey = surveys.get(id, me);
		model.addAttribute("survey", survey);
		model.addAttribute("status", surveys.status(survey));
		if (!survey.template()) {
			model.addAttribute("communities", survey.communities()
				.stream()
				.filter(community -> me.scope().covers(community.regionPath()))
				.map(community -> new CommunityLink(community, links.url(survey, community)))
				.toList());
			model.addAttribute("responses", surveys.responses(id));
		}
		model.addAttribute("changeable", organizer(me) && survey.within(me.scope()));
		model.addAttribute("organizer", organizer(me));
		return "engagement/survey-detail";
	}

	/** A target community with the address its QR code opens. */
	record CommunityLink(Survey.Community community, String url) {
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize(ORGANIZERS)
	String edit(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		Survey survey = surveys.get(id, me);
		if (survey.template()) {
			throw new NotFoundException();
		}
		return form(survey, SurveyForm.of(survey, surveys.responses(id) > 0), me, model);
	}

	@PostMapping("/{id}")
	@PreAuthorize(ORGANIZERS)
	String update(@PathVariable long id, @ModelAttribute("form") SurveyForm form, BindingResult binding,
			@RequestParam(required = false) String more, @AuthenticationPrincipal StaffPrincipal me, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Survey survey = surveys.get(id, me);
		if (more != null) {
			form.addSpareRows();
			return form(survey, form, me, model);
		}
		if (binding.hasErrors() || form.getVersion() == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", messages.getMessage("survey.form.invalid", null, LocaleContextHolder.getLocale()));
			return form(survey, form, me, model);
		}
		try {
			surveys.update(id, form.getVersion(), form.details(), me);
			redirect.addFlashAttribute("notice", "surveySaved");
			return "redirect:/engagement/surveys/" + id;
		}
		catch (UserFacingException ex) {
			return refused(ex, survey, form, me, model, response);
		}
	}

	@PostMapping("/{id}/close")
	@PreAuthorize(ORGANIZERS)
	String close(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
		surveys.close(id, me);
		redirect.addFlashAttribute("notice", "surveyClosed");
		return "redirect:/engagement/surveys/" + id;
	}

	@PostMapping("/{id}/delete")
	@PreAuthorize(ORGANIZERS)
	String delete(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
		surveys.delete(id, me);
		redirect.addFlashAttribute("notice", "surveyDeleted");
		return "redirect:/engagement/surveys";
	}

	@GetMapping("/{id}/results")
	String results(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		Survey survey = surveys.get(id, me);
		if (survey.template()) {
			throw new NotFoundException();
		}
		model.addAttribute("survey", survey);
		model.addAttribute("status", surveys.status(survey));
		model.addAttribute("figures", results.of(survey, me));
		model.addAttribute("scopeName", me.scope().homeRegionName());
		return "engagement/survey-results";
	}

	@GetMapping("/{id}/results.xlsx")
	ResponseEntity<byte[]> export(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me)
			throws IOException {
		Survey survey = surveys.get(id, me);
		if (survey.template()) {
			throw new NotFoundException();
		}
		SurveyFigures figures = results.of(survey, me);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		SurveyWorkbook.write(figures, platform.timeZone(), out);
		auditLog.record(AuditAction.EXPORTED, "survey", id,
				"results.xlsx sheets=" + figures.responses() + " scope=" + me.scope().homeRegionPath());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(survey.title() + "（结果）.xlsx", StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(out.toByteArray());
	}

	@GetMapping("/{id}/communities/{communityCode}/qr.png")
	ResponseEntity<byte[]> qr(@PathVariable long id, @PathVariable String communityCode,
			@AuthenticationPrincipal StaffPrincipal me) {
		Survey survey = surveys.get(id, me);
		Survey.Community community = community(survey, communityCode, me);
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
			.body(QrCodes.png(links.url(survey, community), 480));
	}

	@GetMapping("/{id}/communities/{communityCode}/poster.pdf")
	ResponseEntity<byte[]> poster(@PathVariable long id, @PathVariable String communityCode,
			@AuthenticationPrincipal StaffPrincipal me) throws IOException {
		Survey survey = surveys.get(id, me);
		Survey.Community community = community(survey, communityCode, me);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		SurveyPoster.write(survey, community, links.url(survey, community), out);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename(community.name() + "满意度调查.pdf", StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(out.toByteArray());
	}

	private static Survey.Community community(Survey survey, String communityCode, StaffPrincipal me) {
		return survey.community(communityCode)
			.filter(community -> me.scope().covers(community.regionPath()))
			.orElseThrow(NotFoundException::new);
	}

	private String refused(UserFacingException ex, Survey survey, SurveyForm form, StaffPrincipal me, Model model,
			HttpServletResponse response) {
		if (!ex.correctableInForm()) {
			throw ex;
		}
		response.setStatus(ex.status().value());
		model.addAttribute("error", ex.message(messages));
		return form(survey, form, me, model);
	}

	private String form(Survey survey, SurveyForm form, StaffPrincipal me, Model model) {
		model.addAttribute("survey", survey);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", form);
		}
		model.addAttribute("template",
				form.getTemplateId() == null ? null : surveys.find(form.getTemplateId()).orElse(null));
		model.addAttribute("communityChoices", regions.communities(me.scope()));
		model.addAttribute("kinds", SurveyQuestionKind.values());
		return "engagement/survey-form";
	}

	private static boolean organizer(StaffPrincipal me) {
		return me.hasAnyRole(Role.ADMIN, Role.DISPATCHER, Role.LEADER);
	}

}
