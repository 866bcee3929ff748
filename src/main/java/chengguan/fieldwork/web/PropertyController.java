package chengguan.fieldwork.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import chengguan.fieldwork.PropertyCompanies;
import chengguan.fieldwork.PropertyCompany;
import chengguan.fieldwork.PropertyInspection;
import chengguan.fieldwork.PropertyInspections;
import chengguan.platform.PlatformProperties;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.FormSubmissions;
import chengguan.platform.web.UserFacingException;

/**
 * 物业监督: the companies in the person's scope with their scores and open notices, a company's inspection history
 * and score trend, and (for the office) registering companies and the compounds they manage.
 */
@Controller
@PreAuthorize(PropertyController.READERS)
class PropertyController {

	static final String READERS = "hasAnyRole('LIAISON','HANDLER','DISPATCHER','ADMIN','LEADER','INSPECTOR')";

	static final String INSPECTORS = "hasAnyRole('LIAISON','HANDLER','DISPATCHER','ADMIN')";

	static final String OFFICE = "hasAnyRole('DISPATCHER','ADMIN')";

	private final PropertyCompanies companies;

	private final PropertyInspections inspections;

	private final MessageSource messages;

	private final FormSubmissions submissions;

	private final PlatformProperties platform;

	private final java.time.Clock clock;

	PropertyController(PropertyCompanies companies, PropertyInspections inspections, MessageSource messages, FormSubmissions submissions,
			PlatformProperties platform, java.time.Clock clock) {
		this.companies = companies;
		this.inspections = inspections;
		this.messages = messages;
		this.submissions = submissions;
		this.platform = platform;
		this.clock = clock;
	}

	@GetMapping("/fieldwork/property")
	String overview(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		model.addAttribute("rows", companies.overview(me));
		model.addAttribute("compounds", companies.compounds(me));
		return "fieldwork/property-overview";
	}

	@GetMapping("/fieldwork/property/companies/{id}")
	String company(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		model.addAttribute("company", companies.get(id, me));
		model.addAttribute("managements", companies.managements(id, me));
		List<PropertyInspection> trend = inspections.history(id, me);
		List<PropertyInspection> newestFirst = new ArrayList<>(trend);
		Collections.reverse(newestFirst);
		model.addAttribute("trend", trend);
		model.addAttribute("history", newestFirst);
		model.addAttribute("compounds", companies.compounds(me));
		model.addAttribute("today", today());
		return "fieldwork/property-company";
	}

	@GetMapping("/fieldwork/property/companies/new")
	@PreAuthorize(OFFICE)
	String newCompany(Model model) {
		model.addAttribute("form", new PropertyCompanyForm());
		return "fieldwork/property-company-form";
	}

	@PostMapping("/fieldwork/property/companies")
	@PreAuthorize(OFFICE)
	String create(@ModelAttribute("form") PropertyCompanyForm form, @AuthenticationPrincipal StaffPrincipal me,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return submissions.submit(null, model, response, () -> {
			PropertyCompany company = companies.create(form.details(), me);
			redirect.addFlashAttribute("notice", "propertyCompanySaved");
			return "redirect:/fieldwork/property/companies/" + company.id();
		}, () -> "fieldwork/property-company-form");
	}

	@GetMapping("/fieldwork/property/companies/{id}/edit")
	@PreAuthorize(OFFICE)
	String edit(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		PropertyCompany company = companies.get(id, me);
		model.addAttribute("company", company);
		model.addAttribute("form", PropertyCompanyForm.of(company));
		return "fieldwork/property-company-form";
	}

	@PostMapping("/fieldwork/property/companies/{id}")
	@PreAuthorize(OFFICE)
	String update(@PathVariable long id, @ModelAttribute("form") PropertyCompanyForm form,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		model.addAttribute("company", companies.get(id, me));
		return submissions.submit(null, model, response, () -> {
			companies.update(id, form.getVersion(), form.details(), me);
			redirect.addFlashAttribute("notice", "propertyCompanySaved");
			return "redirect:/fieldwork/property/companies/" + id;
		}, () -> "fieldwork/property-company-form");
	}

	/** From the given day on, the company manages the compound (its previous company, if any, stops that day). */
	@PostMapping("/fieldwork/property/companies/{id}/compounds")
	@PreAuthorize(OFFICE)
	String assign(@PathVariable long id, @RequestParam long compoundId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
		try {
			companies.assign(id, compoundId, from, me);
			redirect.addFlashAttribute("notice", "propertyCompoundAssigned");
		}
		catch (UserFacingException ex) {
			if (!ex.correctableInForm()) {
				throw ex;
			}
			redirect.addFlashAttribute("assignError", ex.message(messages));
		}
		return "redirect:/fieldwork/property/companies/" + id;
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), platform.timeZone());
	}

}
