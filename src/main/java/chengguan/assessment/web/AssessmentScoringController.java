package chengguan.assessment.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import chengguan.assessment.AssessmentRanking;
import chengguan.assessment.AssessmentScores;
import chengguan.assessment.AssessmentSubject;
import chengguan.assessment.Indicator;
import chengguan.assessment.IndicatorDetails;
import chengguan.assessment.IndicatorRule;
import chengguan.assessment.IndicatorSource;
import chengguan.assessment.Indicators;
import chengguan.assessment.Kpi;
import chengguan.assessment.MutualRating;
import chengguan.assessment.MutualRatingTarget;
import chengguan.assessment.MutualRatings;
import chengguan.assessment.Period;
import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.FormSubmissions;
import chengguan.platform.web.NotFoundException;

/**
 * 考核: rankings of communities, squadrons and liaisons on an indicator block with the breakdown per indicator
 * (周考核、月调度、季点评), the indicator system admins configure, manual points, and the communities' 双向评价.
 */
@Controller
@RequestMapping("/assessment")
class AssessmentScoringController {

	private final AssessmentScores scores;

	private final Indicators indicators;

	private final MutualRatings ratings;

	private final RegionService regions;

	private final FormSubmissions submissions;

	private final PlatformProperties platform;

	private final Clock clock;

	AssessmentScoringController(AssessmentScores scores, Indicators indicators, MutualRatings ratings,
			RegionService regions, FormSubmissions submissions, PlatformProperties platform, Clock clock) {
		this.scores = scores;
		this.indicators = indicators;
		this.ratings = ratings;
		this.regions = regions;
		this.submissions = submissions;
		this.platform = platform;
		this.clock = clock;
	}

	@GetMapping("/scores")
	@PreAuthorize("hasAnyRole('LEADER', 'ADMIN', 'DISPATCHER', 'INSPECTOR')")
	String scores(@RequestParam(defaultValue = "COMMUNITY") AssessmentSubject.Kind kind,
			@RequestParam(defaultValue = "MONTH") Period.Kind period,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) Long block, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		Period shown = Period.of(period, date == null ? today() : date);
		// the indicators in force for that period: a later change does not rewrite its scores
		List<Indicator> blocks = indicators.tree(indicators.asOf(shown));
		Indicator shownBlock = block == null ? blocks.get(0)
				: blocks.stream().filter(root -> root.id() == block).findFirst().orElseThrow(NotFoundException::new);
		AssessmentRanking ranking = scores.ranking(shownBlock.id(), kind, shown, me.scope());
		model.addAttribute("ranking", ranking);
		model.addAttribute("blocks", blocks);
		model.addAttribute("block", shownBlock);
		model.addAttribute("leaves", shownBlock.leaves());
		model.addAttribute("manualLeaves", shownBlock.leaves().stream().filter(l -> l.rule() == IndicatorRule.MANUAL).toList());
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", AssessmentSubject.Kind.values());
		model.addAttribute("period", shown);
		model.addAttribute("periodKinds", List.of(Period.Kind.WEEK, Period.Kind.MONTH, Period.Kind.QUARTER));
		model.addAttribute("evidence", scores.manualEvidence(kind, shown));
		return "assessment/scores";
	}

	@PostMapping("/scores/manual")
	@PreAuthorize("hasRole('ADMIN')")
	String manual(@RequestParam long indicatorId, @RequestParam AssessmentSubject.Kind kind,
			@RequestParam long subjectId, @RequestParam Period.Kind period,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) BigDecimal points, @RequestParam(required = false) String evidence,
			@RequestParam long block, @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
		Period shown = Period.of(period, date);
		scores.enterManual(indicatorId, kind, subjectId, shown, points, evidence, me);
		redirect.addFlashAttribute("notice", "manualScoreSaved");
		return "redirect:/assessment/scores?kind=" + kind + "&period=" + period + "&date=" + shown.start() + "&block="
				+ block;
	}

	@GetMapping("/indicators")
	@PreAuthorize("hasAnyRole('LEADER', 'ADMIN', 'INSPECTOR')")
	String indicators(Model model) {
		model.addAttribute("blocks", indicators.tree());
		model.addAttribute("today", indicators.today());
		model.addAttribute("sources", IndicatorSource.values());
		model.addAttribute("leafSources", List.of(IndicatorSource.KPI, IndicatorSource.MUTUAL_RATING,
				IndicatorSource.LEDGER_LATE, IndicatorSource.MANUAL));
		model.addAttribute("rules", List.of(IndicatorRule.LINEAR, IndicatorRule.DEDUCTION));
		model.addAttribute("kpis", Kpi.values());
		return "assessment/indicators";
	}

	@PostMapping("/indicators/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String updateIndicator(@PathVariable long id, @RequestParam long version, IndicatorForm form,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return submissions.submit(null, model, response, () -> {
			indicators.update(id, version, form.details(), form.effectiveFrom());
			redirect.addFlashAttribute("notice", "indicatorSaved");
			return "redirect:/assessment/indicators#indicator-" + id;
		}, () -> indicators(model));
	}

	@PostMapping("/indicators")
	@PreAuthorize("hasRole('ADMIN')")
	String createIndicator(@RequestParam(required = false) Long parentId, IndicatorForm form,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return submissions.submit(null, model, response, () -> {
			Indicator created = indicators.create(parentId, form.details(), form.effectiveFrom());
			redirect.addFlashAttribute("notice", "indicatorSaved");
			return "redirect:/assessment/indicators#indicator-" + created.id();
		}, () -> indicators(model));
	}

	/** The fields of the indicator forms; unknown enum names fail binding (400). */
	record IndicatorForm(String name, BigDecimal points, IndicatorSource source, Kpi kpi, IndicatorRule rule,
			BigDecimal target, BigDecimal floor, BigDecimal perItem, Boolean fullWhenMissing, Integer sortOrder,
			@org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate effectiveFrom) {

		IndicatorDetails details() {
			return new IndicatorDetails(name, points, source, kpi, rule, target, floor, perItem,
					Boolean.TRUE.equals(fullWhenMissing), sortOrder == null ? 0 : sortOrder);
		}

	}

	// ---- 双向评价

	@GetMapping("/ratings")
	@PreAuthorize("hasRole('COMMUNITY_STAFF')")
	String ratings(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
			@AuthenticationPrincipal StaffPrincipal me, Model model) {
		YearMonth now = YearMonth.from(today());
		YearMonth shown = month == null ? now : month;
		Optional<RegionView> community = ownCommunity(me);
		model.addAttribute("month", shown);
		model.addAttribute("months", List.of(now, now.minusMonths(1)));
		model.addAttribute("community", community.orElse(null));
		model.addAttribute("targets", community.map(ratings::targets).orElse(List.of()));
		model.addAttribute("given", community.map(found -> ratings.given(found.id(), shown))
			.orElse(List.of())
			.stream()
			.collect(java.util.stream.Collectors.toMap(given -> given.targetKind().name() + "-" + given.targetId(),
					given -> given)));
		if (community.isEmpty()) {
			model.addAttribute("error", "您的账号没有对应的社区，不能进行双向评价。");
		}
		return "assessment/ratings";
	}

	@PostMapping("/ratings")
	@PreAuthorize("hasRole('COMMUNITY_STAFF')")
	String rate(@RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
			@RequestParam MutualRatingTarget.Kind targetKind, @RequestParam long targetId,
			@RequestParam int attitude, @RequestParam int responsiveness, @RequestParam int effectiveness,
			@RequestParam(required = false) String comment, @AuthenticationPrincipal StaffPrincipal me, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		RegionView community = ownCommunity(me).orElseThrow(NotFoundException::new);
		return submissions.submit(null, model, response, () -> {
			ratings.rate(community, new MutualRating(community.id(), month, targetKind, targetId, attitude,
					responsiveness, effectiveness, comment), me);
			String name = ratings.targets(community)
				.stream()
				.filter(t -> t.kind() == targetKind && t.id() == targetId)
				.map(MutualRatingTarget::name)
				.findFirst()
				.orElse("");
			redirect.addFlashAttribute("notice", "mutualRatingSaved");
			redirect.addFlashAttribute("noticeArgs", new Object[] { name });
			return "redirect:/assessment/ratings?month=" + month;
		}, () -> ratings(month, me, model));
	}

	/** A community staff member's community: the region their account sits at. */
	private Optional<RegionView> ownCommunity(StaffPrincipal me) {
		return regions.find(me.scope().homeRegionId()).filter(region -> region.level() == RegionLevel.COMMUNITY);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), platform.timeZone());
	}

}
