#!/usr/bin/env bash
# Mutation testing (Stryker.NET, local tool dotnet-stryker 5.1.0) over the code where a bug costs
# money, breaks the law or opens a door. Explained in docs/testing.md ("Mutation testing").
#
#   bash bench/mutation.sh                 # every group, one after the other
#   bash bench/mutation.sh rules outbox    # only these groups
#   MUTATION_CONCURRENCY=1 bash bench/mutation.sh bookings
#
# Each group mutates a few files and runs only the tests that exercise them (a test-case filter):
# on a 2-core machine the whole run takes a long time, so CI does not run it. Stryker builds and
# rewrites assemblies in bin/, so the run works on a copy of the working tree (MUTATION_WORKDIR,
# default /tmp/hibachi-mutation) and never touches your own build. Reports (HTML + JSON per group)
# go to bench/mutation-reports/<group>/ (git-ignored); the per-file scores are printed at the end and
# written to bench/mutation-reports/scores.tsv. Exit code 1 when the listed files score below 90% together.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${MUTATION_WORKDIR:-/tmp/hibachi-mutation}"
REPORTS="$ROOT/bench/mutation-reports"
CONCURRENCY="${MUTATION_CONCURRENCY:-2}"
TARGET=90
# Timing-sensitive or process-level tests that a mutant cannot meaningfully fail faster than a timeout, and the
# browser journeys, by namespace (the filter is case-insensitive: a bare "Browser" also dropped every test named "…browser…").
SLOW_TESTS='FullyQualifiedName!~OnPostgres&FullyQualifiedName!~Steady_traffic&FullyQualifiedName!~Processing_runs_on_the_inbound_queue&FullyQualifiedName!~KillTests&FullyQualifiedName!~HibachiAdmin.Tests.Browser.'

# group | files (app-relative; "File.cs:Member,Member" mutates only those members) | test filter
GROUPS_SPEC=$(cat <<'EOF'
rules|Features/Messaging/Contracts/QuietHours.cs Features/Messaging/Contracts/SmsSegments.cs Features/Messaging/Contracts/SegmentCount.cs Features/Messaging/SmsKeywords.cs|FullyQualifiedName~SmsRulesTests|FullyQualifiedName~QuietHoursTests|FullyQualifiedName~SmsSegmentSplitPropertyTests
webhook|Features/Messaging/RingCentralWebhookEndpoints.cs|FullyQualifiedName~RingCentralWebhookTests|FullyQualifiedName~RingCentralWebhookTokenAndLimitTests|FullyQualifiedName~WebhookTokenTests
consent|Features/Contacts/ContactService.Consent.cs:ApplyKeywordAsync,SetConsentAsync,ChangeConsentAsStaffAsync,ApplyConsent Features/Messaging/InboundSmsHandler.cs Features/Messaging/InboundSms.cs Features/Messaging/MessagingEvents.cs Features/Messaging/InboundSmsEvent.cs Features/Messaging/InboundSmsEffects.cs Features/Messaging/SmsService.cs:var refusal =,if (refusal is not null),Refusal|FullyQualifiedName~ConsentOrderTests|FullyQualifiedName~InboundProcessingTests|FullyQualifiedName~RingCentralWebhookTests|FullyQualifiedName~RingCentralWebhookTokenAndLimitTests|FullyQualifiedName~InboundSmsTests|FullyQualifiedName~InboundSmsEffectsTests|FullyQualifiedName~SmsConsentTests|FullyQualifiedName~ConsentSourcesAndUnreachableNumbersTests|FullyQualifiedName~OnlyThePersonOptsInTests|FullyQualifiedName~UnansweredQuestionsTests|FullyQualifiedName~ConsentPolicyTests
optin|Features/Contacts/ConsentPolicy.cs Features/Contacts/OptInRequestService.cs Features/Messaging/OptInRequestSender.cs Features/Messaging/OptInRequestJob.cs|FullyQualifiedName~OnlyThePersonOptsInTests|FullyQualifiedName~UnansweredQuestionsTests|FullyQualifiedName~ConsentPolicyTests|FullyQualifiedName~ContactImportTests|FullyQualifiedName~ContactImportRowTests|FullyQualifiedName~ContactsApiTests
outbox|Infrastructure/Events/OutboxDispatcher.cs Infrastructure/Events/IEventHandler.cs Infrastructure/Events/DispatchResult.cs Infrastructure/Events/OutboxSignal.cs|FullyQualifiedName~OutboxTests
bookings|Features/Bookings/Booking.cs Features/Bookings/Decision.cs Features/Bookings/BookingSaga.cs Features/Bookings/BookingRow.cs Features/Bookings/BookingRowConfiguration.cs Features/Bookings/BookingProjection.cs|FullyQualifiedName~BookingTransitionTests|FullyQualifiedName~BookingSagaTests|FullyQualifiedName~BookingReminderSchedulingTests|FullyQualifiedName~BookingModelTests|FullyQualifiedName~ReplayTests|FullyQualifiedName~BookingProjectionTests|FullyQualifiedName~DisputedBookingsGetNoReviewRequestTests|FullyQualifiedName~ReviewRequestAfterPartyAndPaymentTests|FullyQualifiedName~StripeWebhookTests|FullyQualifiedName~BookingPageTests
leads|Features/Leads/LeadService.cs Features/Leads/Contracts/NewLead.cs|FullyQualifiedName~LeadStatusRulesTests|FullyQualifiedName~LeadFieldsAndHistoryTests|FullyQualifiedName~LeadsApiTests
campaigns|Features/Campaigns/CampaignRules.cs Features/Campaigns/Audience.cs Features/Campaigns/HoldReasons.cs Features/Campaigns/CampaignRecipient.cs Features/Campaigns/RecipientDecision.cs Features/Messaging/CarrierErrors.cs Common/PersonNames.cs Common/UnsafeText.cs|FullyQualifiedName~PersonNamesTests|FullyQualifiedName~NameCleaningTests|FullyQualifiedName~CampaignRulesTests|FullyQualifiedName~CampaignMergeFieldAndHoldTests|FullyQualifiedName~CampaignRulesPropertyTests|FullyQualifiedName~CampaignLinkTests|FullyQualifiedName~CampaignPlannerTests|FullyQualifiedName~CarrierErrorTests|FullyQualifiedName~CampaignAudienceChoiceTests|FullyQualifiedName~HoldReasonLabelTests|FullyQualifiedName~UnsafeTextTests
sender|Features/Campaigns/CampaignSendJob.cs Features/Messaging/SmsService.InDoubt.cs|FullyQualifiedName~CampaignRowsFollowReceiptsTests|FullyQualifiedName~CampaignSendTests|FullyQualifiedName~CampaignSendRowTests|FullyQualifiedName~InDoubtSmsTests|FullyQualifiedName~CampaignAudienceOptionsTests
sendmany|Features/Messaging/SmsService.cs:SendManyAsync,CallProviderAsync|FullyQualifiedName~CampaignSendTests|FullyQualifiedName~CampaignSendRowTests|FullyQualifiedName~InDoubtSmsTests|FullyQualifiedName~SmsConsentTests|FullyQualifiedName~ConsentSourcesAndUnreachableNumbersTests|FullyQualifiedName~SmsServiceTests
meta|Infrastructure/Providers/Meta/MetaSignature.cs|FullyQualifiedName~MetaWebhookTests
redirects|Common/LocalUrl.cs Components/Account/IdentityRedirectManager.cs|FullyQualifiedName~SecurityTests
import|Features/Contacts/ContactImport.cs Features/Contacts/ImportRowResult.cs Features/Contacts/ImportRejection.cs Features/Contacts/ImportWarning.cs Features/Contacts/ImportSummary.cs|FullyQualifiedName~ContactImportTests|FullyQualifiedName~ContactImportRowTests|FullyQualifiedName~ContactsApiTests.Csv_import
qr|Features/QrCodes/QrLinks.cs Features/QrCodes/QrSlugs.cs Features/QrCodes/QrTarget.cs Features/QrCodes/IpAnonymizer.cs Features/QrCodes/QrDestinations.cs Features/QrCodes/UserAgentClassifier.cs Features/QrCodes/UserAgentInfo.cs Features/QrCodes/QrRedirectEndpoints.cs Features/QrCodes/QrRedirectStartupFilter.cs Features/QrCodes/QrRedirectHandler.cs Features/QrCodes/QrAggregates.cs|FullyQualifiedName~QrLinksTests|FullyQualifiedName~QrSlugAndUrlLimitTests|FullyQualifiedName~QrDestinationEncodingTests|FullyQualifiedName~UserAgentClassifierTests|FullyQualifiedName~UserAgentClassifierRuleTests|FullyQualifiedName~QrRedirectTests|FullyQualifiedName~QrRedirectRequestAndCookieTests|FullyQualifiedName~QrStorageTestsOnSqlite
humanagent|Features/Inbox/MessagingWindow.cs:Decide Features/Inbox/InboxEndpoints.cs:ReplyAsync,MayStateAPersonWrote|FullyQualifiedName~MetaReplyTests
statussync|Features/Messaging/StatusSyncJob.cs Features/Messaging/OutboundStatusSync.cs Features/Messaging/SmsService.Receipts.cs Infrastructure/Data/LeaseRecovery.cs Infrastructure/Data/RecoverableLease.cs Infrastructure/Data/InstanceHeartbeat.cs Infrastructure/Providers/RingCentral/RingCentralRateBudgets.cs Infrastructure/Providers/RingCentral/RingCentralRateLimitHandler.cs|FullyQualifiedName~StatusSyncTests|FullyQualifiedName~CampaignRowsFollowReceiptsTests|FullyQualifiedName~RingCentralRateLimitTests|FullyQualifiedName~LeaseRecoveryTests|FullyQualifiedName~RingCentralStatusTests
highvolume|Features/Messaging/SmsService.Batches.cs Features/Messaging/A2pEventHandler.cs Features/Messaging/A2pReconcileJob.cs Features/Messaging/OptOutSyncJob.cs Features/Contacts/ContactService.Consent.cs:ApplyProviderOptOutAsync,LastLedgerIdAsync,OptOutsToPushAsync Features/Campaigns/CampaignProviderReasons.cs Infrastructure/Providers/RingCentral/RingCentralSmsProvider.A2p.cs Features/Campaigns/CampaignService.Start.cs|FullyQualifiedName~HighVolumeCampaignTests|FullyQualifiedName~ProviderOptOutTests|FullyQualifiedName~HighVolumeEdgeTests|FullyQualifiedName~HighVolumeInDoubtTests|FullyQualifiedName~CampaignStagedStartTests
providers|Features/Messaging/PhoneNumberDirectory.cs Infrastructure/Data/WriteTurns.cs Infrastructure/Telemetry/AppMetrics.cs Features/Messaging/ProcessInboundEventJob.cs:RunBatchAsync|FullyQualifiedName~IntegrationsPageNumberFeaturesTests|FullyQualifiedName~BulkWritesGiveWayTests|FullyQualifiedName~MetricsMoveTests|FullyQualifiedName~InboundJobsDrainInWholeBatchesTests
campaignstatus|Features/Campaigns/CampaignDeliveryReceipts.cs Features/Campaigns/CampaignService.Summaries.cs Features/Campaigns/RecipientStates.cs Features/Messaging/SmsService.cs:TellObserversAsync,ApplyStatusAsync,RecordStatusAsync|FullyQualifiedName~CampaignRowsFollowReceiptsTests|FullyQualifiedName~CampaignLiveProgressTests|FullyQualifiedName~CampaignListQueryCountTests|FullyQualifiedName~CampaignSendTests|FullyQualifiedName~CampaignStatusBackfillTestsOnSqlite|FullyQualifiedName~StatusSyncTests|FullyQualifiedName~HighVolumeCampaignTests
staterules|Features/Messaging/Contracts/TextingRules.cs Features/Messaging/Contracts/TextingRules.Limit.cs Features/Messaging/Contracts/HolidayCalendar.cs Features/Messaging/Contracts/DayWindow.cs Features/Messaging/Contracts/StateRuleTable.cs Features/Messaging/Contracts/StateRule.cs Features/Messaging/TextingRulesService.cs Common/UsZipStates.cs Features/Campaigns/HoldGroups.cs|FullyQualifiedName~StateTextingHoursTests|FullyQualifiedName~HolidaysAndPlacesTests|FullyQualifiedName~StateTighteningTests|FullyQualifiedName~QuietHoursTests|FullyQualifiedName~CampaignHoldExplanationTests|FullyQualifiedName~UsZipStatesTests|FullyQualifiedName~CampaignMergeFieldAndHoldTests|FullyQualifiedName~BusyPeopleTests|FullyQualifiedName~CampaignRulesPropertyTests|FullyQualifiedName~RuleWordsTests
alerts|Features/Alerts/PersonalQuietHours.cs|FullyQualifiedName~PersonalQuietHoursTests|FullyQualifiedName~AlertDeliveryTests
links|Features/Campaigns/CampaignLinks.cs Features/Campaigns/LinkRedirectHandler.cs Features/Campaigns/LinkRedirectEndpoints.cs Features/Campaigns/LinkClickAttributionJob.cs Features/Campaigns/CampaignService.Links.cs Common/LinkPreviewAgents.cs Features/Campaigns/CampaignService.Start.cs:AddDelivery|FullyQualifiedName~TrackedLinkTests|FullyQualifiedName~UserAgentClassifierTests
scheduled|Features/Inbox/ScheduledReplies.cs Features/Inbox/ScheduledReplyJob.cs Features/Inbox/SavedReplyMerge.cs|FullyQualifiedName~ScheduledReplyTests|FullyQualifiedName~SavedReplyTests
reviews|Features/Reviews/ReviewService.cs:UpsertAsync,Apply,ReplyAsync,ApproveAsync,PublishAsync,SaveReplyAsync,FinishAsync,ChangedAsync,Changed Features/Reviews/ReviewsEndpoints.cs:ReplyAsync|FullyQualifiedName~HibachiAdmin.Tests.Features.Reviews.
chefs|Features/Bookings/Booking.Chefs.cs Features/Bookings/Booking.Sheet.cs Features/Bookings/BookingService.Chefs.cs Features/Bookings/Contracts/PartyTimes.cs|FullyQualifiedName~HibachiAdmin.Tests.Features.Bookings.Chefs.|FullyQualifiedName~HibachiAdmin.Tests.Features.Bookings.Sheet.|FullyQualifiedName~MoveNoticeTests
payments|Features/Payments/QuoteCalculator.cs Features/Payments/TravelZones.cs Features/Payments/Installments.cs Features/Payments/StripeSignature.cs Features/Payments/StripeEventHandler.cs Features/Payments/PayTokens.cs Features/Payments/BalanceRemindersJob.cs Features/Bookings/Booking.cs:RecordPayment,RecordRefund,RecordDispute,SendQuote,AcceptQuote Features/Bookings/BookingService.Money.cs|FullyQualifiedName~QuoteTotalsTests|FullyQualifiedName~StripeSignatureTests|FullyQualifiedName~StripeWebhookTests|FullyQualifiedName~TheBookingFollowsTheMoneyTests|FullyQualifiedName~CustomerPageSecurityTests.A_|FullyQualifiedName~CustomerPageSecurityTests.Another|FullyQualifiedName~CustomerPageSecurityTests.Expired|FullyQualifiedName~DisputedBookingsGetNoReviewRequestTests|FullyQualifiedName~CollectedMoneyAndTextToPayTests|FullyQualifiedName~BalanceRemindersTests|FullyQualifiedName~StripeCheckoutTests
EOF
)
# One-off groups for a focused re-run (e.g. only the members where survivors were), same format, one per line:
#   MUTATION_EXTRA_GROUPS='qrfocus|Features/QrCodes/QrLinks.cs:DestinationError|FullyQualifiedName~QrLinksTests' bash bench/mutation.sh qrfocus
if [ -n "${MUTATION_EXTRA_GROUPS:-}" ]; then
  GROUPS_SPEC="$GROUPS_SPEC"$'\n'"$MUTATION_EXTRA_GROUPS"
fi

# Spans of named members ("{1200..4100}{5100..6000}"): Stryker.NET reads a span as character offsets into
# the file (Roslyn TextSpan, UTF-16 units, BOM excluded), not line numbers. A member runs from the start of
# the first line containing its name (a method name followed by "(", or a literal statement start) to the
# end of the line where its braces close.
spans() {
  python3 - "$1" "$2" <<'PY'
import re, sys
path, members = sys.argv[1], sys.argv[2].split(',')
lines = open(path, encoding='utf-8-sig', newline='').read().split('\n')
units = lambda text: len(text.encode('utf-16-le')) // 2
offsets = [0]
for l in lines:
    offsets.append(offsets[-1] + units(l) + 1)
out = []
for m in members:
    pat = re.compile(r'\b' + re.escape(m) + r'\s*\(') if re.fullmatch(r'\w+', m) else re.compile(re.escape(m))
    start = next((i for i, l in enumerate(lines) if pat.search(l) and not l.strip().startswith(('//', '///', '*'))
                  and (not re.fullmatch(r'\w+', m) or re.search(r'\b(public|private|internal|protected)\b', l))), None)
    if start is None:
        sys.exit(f"member {m} not found in {path}")
    depth, opened, end = 0, False, start
    for i in range(start, len(lines)):
        depth += lines[i].count('{') - lines[i].count('}')
        opened = opened or '{' in lines[i]
        if (opened and depth <= 0) or (not opened and lines[i].rstrip().endswith(';')):
            end = i
            break
    out.append(f"{{{offsets[start]}..{offsets[end] + units(lines[end])}}}")
print(''.join(out))
PY
}

score_report() { # group report.json → rows "group<TAB>file<TAB>killed<TAB>survived<TAB>noCoverage<TAB>timeout<TAB>score"
  python3 - "$1" "$2" <<'PY'
import json, sys
group, path = sys.argv[1], sys.argv[2]
report = json.load(open(path, encoding='utf-8'))
for name, f in sorted(report['files'].items()):
    s = [m['status'] for m in f['mutants']]
    k, t, sv, nc = s.count('Killed'), s.count('Timeout'), s.count('Survived'), s.count('NoCoverage')
    valid = k + t + sv + nc
    if valid == 0:
        continue  # not a mutated file (filtered out by the mutate list)
    short = name.split('/HibachiAdmin/', 1)[-1]
    print(f"{group}\t{short}\t{k}\t{sv}\t{nc}\t{t}\t{(100.0 * (k + t) / valid) if valid else 100.0:.1f}")
    for m in f['mutants']:
        if m['status'] in ('Survived', 'NoCoverage'):
            loc = m['location']['start']['line']
            print(f"#   {m['status']:<10} {short}:{loc} {m['mutatorName']}: {m.get('replacement', '')[:100]!r}", file=sys.stderr)
PY
}

selected=("$@")
if [ ${#selected[@]} -eq 0 ]; then
  mapfile -t selected < <(echo "$GROUPS_SPEC" | cut -d'|' -f1)
fi

echo "Copying the working tree to $WORK …"
mkdir -p "$WORK" "$REPORTS"
# Source files only (tracked and new, not ignored); bin/ and obj/ of the copy are kept for incremental builds.
find "$WORK" \( -name bin -o -name obj -o -name out \) -prune -o -type f -print0 | xargs -0 rm -f
(cd "$ROOT" && git ls-files --cached --others --exclude-standard -z | tar --null -cf - -T - 2>/dev/null) | tar -xf - -C "$WORK"
(cd "$WORK" && dotnet tool restore >/dev/null)
# The kept obj/ may predate a package change: restore so Stryker analyses the current references.
(cd "$WORK" && dotnet restore HibachiAdmin.sln >/dev/null)

status=0
: > "$REPORTS/scores.new"
# All selected groups run in ONE Stryker invocation: Stryker compiles every mutant of the project once
# (minutes) before filtering, so one run over the union beats one run per group. With per-test
# coverage each mutant still only runs the tests that reach it.
mutate=()
filters=()
for group in "${selected[@]}"; do
  line=$(echo "$GROUPS_SPEC" | grep "^$group|" || true)
  if [ -z "$line" ]; then echo "unknown group $group"; exit 2; fi
  files=$(echo "$line" | cut -d'|' -f2)
  filters+=("$(echo "$line" | cut -d'|' -f3-)")
  # Files are separated by spaces; a "File.cs:Member,Member" spec may itself contain spaces in a literal member.
  while read -r spec; do
    [ -z "$spec" ] && continue
    file="${spec%%:*}"
    if [[ "$spec" == *:* ]]; then
      mutate+=("-m" "**/$file$(spans "$WORK/HibachiAdmin/$file" "${spec#*:}")")
    else
      mutate+=("-m" "**/$file")
    fi
  done < <(echo "$files" | sed -E 's/ (Features|Infrastructure|Common|Components)\//\n\1\//g')
done
filter="($(IFS='|'; echo "${filters[*]}"))&$SLOW_TESTS"
run="$(IFS=+; echo "${selected[*]}")"
out="$WORK/out/$run"
rm -rf "$out"
echo "== mutating: ${mutate[*]}"
echo "   tests: $filter"
echo "   log: $REPORTS/$run.log"
if (cd "$WORK/HibachiAdmin.Tests" && dotnet dotnet-stryker -f stryker-config.json "${mutate[@]}" \
     --test-case-filter "$filter" -c "$CONCURRENCY" -O "$out" --skip-version-check -r Progress -r Json -r Html) > "$REPORTS/$run.log" 2>&1; then
  rm -rf "${REPORTS:?}/$run" && mkdir -p "$REPORTS/$run"
  cp "$out"/reports/mutation-report.* "$REPORTS/$run/"
  score_report "$run" "$REPORTS/$run/mutation-report.json" >> "$REPORTS/scores.new" 2> "$REPORTS/$run/survivors.txt"
  cat "$REPORTS/$run/survivors.txt"
else
  echo "   stryker failed, see $REPORTS/$run.log"
  exit 1
fi

# Keep the scores of files not mutated in this run; print the table. A run with a one-off group counts only some
# members of a file, so it gets its own table (scores-focused.tsv) instead of replacing whole-file scores.
table="$REPORTS/scores.tsv"
for group in "${selected[@]}"; do
  if [ -n "${MUTATION_EXTRA_GROUPS:-}" ] && echo "$MUTATION_EXTRA_GROUPS" | grep -q "^$group|"; then
    table="$REPORTS/scores-focused.tsv"
    : > "$table"
  fi
done
touch "$table"
cut -f2 "$REPORTS/scores.new" | while read -r f; do grep -v -F "	$f	" "$table" > "$REPORTS/scores.tmp" || true; mv "$REPORTS/scores.tmp" "$table"; done
cat "$REPORTS/scores.new" >> "$table"
rm -f "$REPORTS/scores.new"
sort -t$'\t' -k2 -o "$table" "$table"
printf '\n%-9s %-50s %6s %8s %6s %7s %6s\n' group file killed survived noCov timeout score
awk -F'\t' -v target=$TARGET '{ printf "%-9s %-50s %6s %8s %6s %7s %5s%%\n", $1, $2, $3, $4, $5, $6, $7;
  k += $3 + $6; v += $3 + $4 + $5 + $6 }
  END { if (v > 0) { s = 100 * k / v; printf "\nall listed files: %d of %d mutants killed (%.1f%%), target %d%%\n", k, v, s, target; exit (s < target) } }' \
  "$table" || status=1
exit $status
