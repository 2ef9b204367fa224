#!/usr/bin/env python3
"""gen.py - deterministic synthetic corpora for the studypress benchmark.

    gen.py N --out-dir DIR         a corpus directory (corpus.yaml + parts)
    gen.py N --out FILE.yaml       the same corpus as one YAML file
    gen.py N ... --text FILE.txt   also the printed text, a paragraph
                                   a line (the input of floor.c)
    gen.py --candidates N --csv FILE.csv   a worksheet batch CSV

Everything comes from a fixed seed, a fixed vocabulary and sentence
templates below, so the same N always gives the same bytes on every
machine (Python's random.Random is stable across 3.x for the calls used
here; no set or dict iteration order reaches the output).

Answers are 150-300 words in 2-4 paragraphs plus a `-` list, with some
*emphasis*, **strong** and `code`, long words, curly quotes and dashes.
Questions carry topics (from a pool of 40), 3-5 key points, why, tip,
follow-ups and a rubric; behavioural ones have a STAR framework and
technical ones a 4-step framework. Python 3 standard library only.
"""
import argparse
import json
import re
import os
import random
import sys

SEED = 20260915

# ---- vocabulary -----------------------------------------------------------
# Countable nouns (singular; plurals are derived).
NOUNS = """
model feature dataset baseline metric pipeline gradient estimator classifier
regressor label prediction threshold experiment hypothesis sample batch epoch
layer neuron embedding token vocabulary sequence transformer encoder decoder
attention head loss optimizer scheduler checkpoint parameter weight bias
variance outlier anomaly cluster centroid partition split fold benchmark
leaderboard dashboard stakeholder customer user session query request
response latency budget deadline milestone roadmap requirement constraint
trade-off assumption risk incident outage rollback deployment release
service endpoint container cluster node shard replica cache index table
column row schema join aggregate window event stream topic consumer
producer queue worker scheduler job task ticket review reviewer teammate
manager director engineer scientist analyst researcher intern mentor
candidate interviewer recruiter panel question answer story example
result finding insight chart plot histogram distribution quantile
percentile median mean estimate interval confidence prior posterior
likelihood sampler simulation scenario segment cohort funnel conversion
retention churn signal proxy target objective reward policy agent
environment action state trajectory rollout gradient kernel matrix vector
tensor dimension projection component factor coefficient term penalty
constraint solver heuristic algorithm procedure routine function method
library framework notebook script repository branch commit test fixture
monitor alert threshold log trace span metric report summary document
proposal memo decision meeting retrospective postmortem timeline project
prototype product feature launch market competitor vendor contract
annotation annotator guideline rubric audit bias fairness slice subgroup
""".split()

# Mass nouns and abstract nouns (no plural).
MASS = """
regularization generalization overfitting underfitting calibration
robustness interpretability explainability reproducibility scalability
reliability observability throughput accuracy precision recall coverage
leakage drift shift noise sparsity seasonality stationarity convergence
momentum entropy perplexity uncertainty variance feedback ownership
communication prioritization documentation experimentation validation
evaluation instrumentation monitoring infrastructure tooling governance
privacy compliance security latency memory compute bandwidth storage
revenue engagement satisfaction trust clarity context judgment rigor
curiosity humility persistence patience alignment consensus momentum
""".split()

# More countable nouns: data, systems, people, process.
NOUNS += """
warehouse lakehouse snapshot partition backlog sprint standup roadmap
spreadsheet questionnaire survey respondent panelist reviewer committee
hiring offer negotiation salary benefit promotion ladder level track
objective outcome initiative program platform toolkit widget plugin
adapter connector gateway router balancer firewall proxy socket thread
process daemon cronjob workflow orchestrator operator controller
allocator profiler debugger compiler interpreter runtime kernel driver
accelerator processor chip instance region zone datacenter bucket blob
manifest artifact registry catalog lineage owner consumer subscriber
publisher broker offset watermark trigger pane lookup dictionary
vocabulary lexicon corpus passage paragraph sentence phrase word
character subword morpheme stem lemma synonym entity relation graph
edge vertex walk path neighbor hop community motif triangle clique
image pixel patch frame clip waveform spectrogram channel filter stride
pooling residual bottleneck backbone adapter prompt completion
instruction demonstration exemplar retriever reranker generator critic
discriminator autoencoder bandit arm regret exploration exploitation
click impression dwell scroll purchase basket cart checkout refund
coupon discount campaign creative advertiser bid auction budget pacing
forecast horizon lag lead trend cycle residual holiday promotion spike
dip plateau regime breakpoint changepoint alarm pager escalation runbook
playbook checklist template form field value default override flag
toggle rollout canary cohort holdout control treatment variant arm
allocation randomization unit cluster strata covariate confounder
instrument mediator moderator collider estimand effect uplift lift
decision deliverable handoff dependency blocker tradeoff compromise
concern objection argument counterexample anecdote narrative pitch
slide deck whiteboard diagram sketch outline draft revision comment
""".split()

MASS += """
maintainability portability availability durability consistency
latency jitter skew staleness freshness completeness correctness
cardinality dimensionality multicollinearity heteroscedasticity
autocorrelation seasonality nonstationarity identifiability
fairness accountability transparency safety alignment oversight
adoption onboarding retention attrition morale trust credibility
visibility accountability leverage ambiguity urgency clarity focus
craftsmanship discipline resilience empathy candor diplomacy tact
bookkeeping housekeeping hygiene debt rework churn toil overhead
""".split()

ADJECTIVES = """
robust noisy sparse dense imbalanced skewed stale fresh biased unbiased
calibrated miscalibrated offline online batch streaming incremental
distributed parallel sequential hierarchical probabilistic deterministic
stochastic linear nonlinear convex smooth brittle fragile stable unstable
reliable flaky expensive cheap fast slow shallow deep wide narrow simple
complex careful rigorous pragmatic explicit implicit measurable
actionable concrete vague specific general local global temporal spatial
categorical numerical ordinal textual visual tabular multimodal
supervised unsupervised semi-supervised self-supervised contrastive
generative discriminative Bayesian frequentist causal correlational
observational randomized stratified weighted unweighted regularized
pretrained fine-tuned quantized pruned distilled sharded replicated
cached indexed labelled unlabelled annotated synthetic historical recent
seasonal quarterly weekly daily hourly critical minor major subtle obvious
hidden visible upstream downstream cross-functional senior junior
experienced skeptical confident humble thorough quick honest transparent
""".split()

ADJECTIVES += """
asynchronous synchronous idempotent stateless stateful eventual strong
transactional analytical operational experimental exploratory
confirmatory descriptive prescriptive predictive diagnostic
retrospective prospective longitudinal cross-sectional hierarchical
flat nested recursive iterative greedy exhaustive approximate exact
lossy lossless compressed sparse low-rank high-dimensional
low-latency high-throughput cost-sensitive risk-averse data-driven
user-facing customer-facing internal external public private sensitive
regulated auditable traceable versioned immutable mutable ephemeral
persistent durable redundant idle busy saturated overloaded
underutilized heterogeneous homogeneous representative adversarial
benign malicious legitimate fraudulent suspicious trustworthy
ambitious realistic optimistic pessimistic cautious decisive patient
""".split()

ADVERBS = """
carefully quickly rigorously roughly precisely honestly explicitly
implicitly gradually immediately eventually initially ultimately
consistently occasionally rarely usually typically generally
specifically particularly especially notably surprisingly
counterintuitively unsurprisingly deliberately systematically
empirically theoretically statistically practically realistically
conservatively aggressively incrementally iteratively continuously
independently collaboratively transparently respectfully clearly
""".split()

ADVERBS += """
asynchronously synchronously lazily eagerly greedily exhaustively
approximately exactly cheaply expensively safely riskily humbly
confidently decisively patiently calmly openly privately publicly
quietly loudly briefly thoroughly deeply broadly narrowly manually
automatically periodically nightly weekly monthly annually
""".split()

# Verbs in base form; conjugations are derived (a few irregulars below).
VERBS = """
train evaluate measure compare validate deploy monitor debug profile
optimize regularize normalize standardize tokenize embed encode decode
sample resample stratify bootstrap aggregate partition shard cache
index query join filter rank score label annotate audit review
prioritize estimate forecast predict classify cluster segment detect
explain interpret visualize summarize document communicate negotiate
escalate mitigate reduce increase improve degrade stabilize simplify
refactor migrate instrument replicate reproduce benchmark tune adjust
calibrate retrain backfill prune distill quantize serve scale
parallelize schedule automate test verify confirm reject accept
question challenge support mentor coach persuade align clarify define
frame scope plan design prototype ship launch iterate learn adapt
""".split()

IRREGULAR = {"build": ("built", "built"), "choose": ("chose", "chosen"),
             "run": ("ran", "run"), "write": ("wrote", "written"),
             "find": ("found", "found"), "lead": ("led", "led")}
VERBS += """
ingest extract transform load parse serialize deserialize compress
decompress encrypt hash dedupe merge reconcile clean impute interpolate
extrapolate smooth detrend difference lag window bucket bin discretize
threshold clip winsorize rescale reweight oversample undersample
augment perturb mask shuffle permute freeze unfreeze initialize warm
anneal decay schedule checkpoint resume restart shard route balance
throttle retry debounce batch stream subscribe publish alert page
triage diagnose patch hotfix revert roll deprecate archive delete
retain consent anonymize aggregate report present demo pitch defend
concede compromise delegate unblock hire interview onboard promote
""".split()
VERBS += sorted(IRREGULAR)


def _unique(words):
    seen = {}
    for w in words:
        seen.setdefault(w, None)
    return list(seen)  # insertion order: deterministic


NOUNS, MASS, ADJECTIVES, VERBS = (_unique(NOUNS), _unique(MASS),
                                  _unique(ADJECTIVES), _unique(VERBS))

# Long nouns for the {l} slot ("the {l} of ..."); long adverbs such as
# "counterintuitively" are in ADVERBS.
LONG_WORDS = """
internationalization interpretability characterization
incomprehensibility heteroscedasticity multicollinearity
overparameterization misclassification hyperparameterization
representativeness institutionalization compartmentalization
decentralization reproducibility operationalization
""".split()
ADVERBS += """
disproportionately uncharacteristically incomprehensibly
counterintuitively
""".split()
ADVERBS = _unique(ADVERBS)

NAMES = """
Amara Bogdan Chiara Dmitri Elif Farid Greta Hiroshi Ines Jonas Keiko
Lars Mei Nadia Oskar Priya Quentin Rosa Santiago Tomasz Uma Viktor
Wen Ximena Yusuf Zofia Anil Beatriz Cyrus Dalia Emeka Fatima Goran
Hana Ivan Jia Kwame Leila Mateo Noor
""".split()
SURNAMES = """
Okafor Lindqvist Nakamura Rossi Haddad Kowalski Fernandes Andersson
Mbeki Petrov Chen Gupta Novak Moreau Schmidt Tanaka Alvarez Ibrahim
O’Connor Nguyen Dubois Costa Jensen Müller Kaur Silva Weber Ortiz
""".split()

CODE = """
fit_transform() predict_proba() train_test_split max_depth learning_rate
np.log1p GROUP BY LEFT JOIN dropout=0.1 batch_size=256 AUC F1 p99 k-fold
torch.no_grad() .cache() early_stopping seed=42 SELECT DISTINCT
""".split("\n")[1:-1]
CODE = [c for line in CODE for c in line.split(" ") if c]

TOPICS = """
metrics evaluation regularization feature-engineering deep-learning
transformers nlp computer-vision recommender-systems ranking
ab-testing statistics probability causal-inference time-series
forecasting anomaly-detection clustering dimensionality-reduction
optimization data-quality labeling sql data-pipelines deployment
monitoring mlops scalability latency privacy fairness interpretability
communication leadership conflict prioritization stakeholders
mentoring ownership failure career
""".split()

ROLES = [("ml-scientist", "Machine Learning Scientist"),
         ("data-scientist", "Data Scientist"),
         ("ml-engineer", "Machine Learning Engineer")]

CATEGORIES = [("fundamentals", "Fundamentals", "common"),
              ("statistics", "Statistics and experiments", "common"),
              ("modeling", "Modeling problems", "technical"),
              ("systems", "Systems and production", "technical"),
              ("behavioral", "Behavioural questions", "behavioral"),
              ("ask-them", "Questions to ask them", "common")]

# ---- sentence templates ---------------------------------------------------
# Slots: {n} noun, {ns} plural, {m} mass noun, {a} adjective, {adv}
# adverb, {v} verb, {vs} 3rd person, {ved} past, {ving} gerund, {L} long
# word, {c} code span, {num} number, {pct} percentage.
SENTENCES = [
    "A {a} {n} is only useful when the {m} it buys is worth the {m} it costs.",
    "Start by asking which {n} the {ns} will actually change, and who owns it.",
    "In practice the {a} {n} {vs} far more often than the {a} one, so {v} it first.",
    "If the {n} {vs} {adv}, you can usually {v} the {n} without touching the {n}.",
    "The honest answer is that {m} matters more than the choice of {n} here.",
    "We {ved} the {ns} on a {a} {n} and saw a {pct} drop in {m} within a week.",
    "Most candidates {v} the {n} immediately; a stronger answer {vs} the {m} first.",
    "Keep a {a} {n} around – it tells you whether the {a} {ns} earn their keep.",
    "This is where {l} comes in: the {n} looks {a}, but the {ns} disagree.",
    "{Adv}, a {a} {n} with {num} {ns} beats a {a} one with ten times as many.",
    "When {m} is the bottleneck, {ving} the {ns} {adv} is cheaper than {ving} them.",
    "Say out loud which {n} you would {v}, and why the {n} justifies it.",
    "A quick check with {c} on a {a} {n} often reveals the {m} problem.",
    "Interviewers listen for “{a} {m}” rather than a list of {a} {ns}.",
    "The {n} {ved} because nobody had {ved} the {a} {ns} beforehand.",
    "You should {v} the {ns} before you {v} the {n}, not afterwards.",
    "It is tempting to {v} everything at once — resist it and {v} one {n}.",
    "The trade-off is between {m} and {m}, and the {n} decides which wins.",
    "Use {c} to {v} the {ns}, then compare the {n} against the {a} {n}.",
    "{Adv}, the {a} {n} turned out to be the {l} of the whole {n}.",
    "Ask what a {a} {n} would cost the {n} in {m} over {num} months.",
    "Report the {n} with an interval, not a single {a} number.",
    "The {ns} were {a}, so we {ved} them {adv} and re-ran the {n}.",
    "Good teams treat {m} as a {n}, with an owner and a {n}.",
    "A {a} {n} hides {m}; a {a} one makes it visible in the {n}.",
    "Expect the interviewer to push on {m}: have a number ready.",
    "We cut the {n} from {num} to {num2} {ns} and kept {m} within {pct}.",
    "Whether to {v} or {v} depends on how {a} the {ns} are.",
    "The ‘{a}’ {n} is a trap: it {vs} well offline and poorly in production.",
    "Name the {n}, the {n} and the {n}, then explain the {m} you accepted.",
]

PARA_OPENERS = [
    "The short version: {s}", "First, {s_lc}", "Then {s_lc}", "{s}",
    "In my experience, {s_lc}", "A concrete example helps. {s}",
    "The part people skip is this: {s_lc}", "To close the loop, {s_lc}",
]

LIST_ITEMS = [
    "**{N}:** {v} the {ns} {adv} before the {n} ships.",
    "*{A} {ns}* that {v} the {m} without anyone noticing.",
    "A {a} {n} for every {a} {n}, checked with {c}.",
    "{Ving} the {n} when {m} drops by more than {pct}.",
    "The {l} of {a} {ns}.",
    "Clear ownership of {m} and {m}.",
    "A written {n} that says which {n} wins a tie.",
]

QUESTIONS = {
    "common": [
        "What is {m}, and how would you explain it to a {a} {n}?",
        "How do you choose between a {a} {n} and a {a} {n}?",
        "Why does {m} matter when you {v} a {n}?",
        "What goes wrong when you {v} the {ns} without checking {m}?",
        "How would you {v} a {n} whose {ns} are {a}?",
        "When is {m} the wrong thing to optimise for?",
    ],
    "technical": [
        "Design a system that can {v} {a} {ns} for a {a} {n} at scale.",
        "Your {n} {vs} {adv} in production. How do you find out why?",
        "How would you {v} a {n} that must stay under {num} ms at p99?",
        "A stakeholder wants to {v} the {n} by next week. What do you build first?",
        "How would you detect and fix {m} in a {a} {n}?",
    ],
    "behavioral": [
        "Tell me about a time you had to {v} a {n} under a tight deadline.",
        "Describe a {n} you {ved} that did not go as planned.",
        "Tell me about a disagreement with a {n} over {m}.",
        "Give an example of when you had to {v} {ns} with incomplete data.",
        "Describe a time you changed your mind about a {n}.",
    ],
}

TECH_STEPS = [("Clarify", "Ask what the {n} is for, who uses it and which {n} counts as success."),
              ("Baseline", "Propose the simplest {a} {n} and say how you would {v} it."),
              ("Improve", "Compare two {a} approaches and the {m} each one trades away."),
              ("Validate", "Explain the offline check, the online test and the {n} that decides the launch.")]
STAR_STEPS = [("Situation", "Describe the {n}, the {ns} involved and why {m} was at stake."),
              ("Task", "Say exactly what you owned and by when."),
              ("Action", "Explain what you personally did to {v} the {ns}."),
              ("Result", "Give the measurable outcome and what you would {v} next time.")]


ARTICLE = re.compile(r"\b([Aa]) (?=[*`]*(?:[aeioAEIO]|un|up|hour|hon))")
PLURALS = {"matrix": "matrices", "vertex": "vertices", "index": "indices",
           "criterion": "criteria", "analysis": "analyses",
           "epoch": "epochs", "stomach": "stomachs"}


def plural(w):
    if w in PLURALS:
        return PLURALS[w]
    if w.endswith(("s", "x", "ch", "sh")):
        return w + "es"
    if w.endswith("y") and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    return w + "s"


def third(w):
    if w in IRREGULAR:
        return w + "s"
    return plural(w)


DOUBLE = ("plan", "ship", "stop", "bin", "lag", "scan", "tag", "clip", "debug",
          "embed", "admit", "commit", "drop")


def past(w):
    if w in IRREGULAR:
        return IRREGULAR[w][0]
    if w.endswith("e"):
        return w + "d"
    if w.endswith("y") and w[-2] not in "aeiou":
        return w[:-1] + "ied"
    if w in DOUBLE:
        return w + w[-1] + "ed"
    return w + "ed"


def gerund(w):
    if w.endswith("ie"):
        return w[:-2] + "ying"
    if w.endswith("e") and not w.endswith("ee"):
        return w[:-1] + "ing"
    if w in DOUBLE or w == "run":
        return w + w[-1] + "ing"
    return w + "ing"


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def pick(self, seq):
        return self.r.choice(seq)

    def fill(self, tmpl):
        r = self.r
        out = []
        i = 0
        while i < len(tmpl):
            j = tmpl.find("{", i)
            if j < 0:
                out.append(tmpl[i:])
                break
            out.append(tmpl[i:j])
            k = tmpl.index("}", j)
            out.append(self.slot(tmpl[j + 1:k], r))
            i = k + 1
        return ARTICLE.sub(r"\1n ", "".join(out))

    def slot(self, name, r):
        cap = name[:1].isupper()
        key = name.lower()
        if key == "n":
            w = self.pick(NOUNS)
        elif key == "ns":
            w = plural(self.pick(NOUNS))
        elif key == "m":
            w = self.pick(MASS)
        elif key == "a":
            w = self.pick(ADJECTIVES)
        elif key == "adv":
            w = self.pick(ADVERBS)
        elif key == "v":
            w = self.pick(VERBS)
        elif key == "vs":
            w = third(self.pick(VERBS))
        elif key == "ved":
            w = past(self.pick(VERBS))
        elif key == "ving":
            w = gerund(self.pick(VERBS))
        elif key == "l":
            w = self.pick(LONG_WORDS)
        elif key == "c":
            w = "`" + self.pick(CODE) + "`"
        elif key == "num":
            w = str(r.choice([3, 5, 8, 12, 20, 40, 120, 500, 2000]))
        elif key == "num2":
            w = str(r.choice([2, 4, 6, 10, 15]))
        elif key == "pct":
            w = "%d%%" % r.randint(2, 35)
        else:
            raise KeyError(name)
        if cap:
            w = w[:1].upper() + w[1:]
        return w

    def sentence(self, rich=True):
        s = self.fill(self.pick(SENTENCES))
        if not rich:
            return s.replace("`", "")
        roll = self.r.random()
        words = s.split(" ")
        if roll < 0.12 and len(words) > 4:
            k = self.r.randrange(1, len(words) - 2)
            if "`" not in words[k] and words[k].isalpha():
                words[k] = "*" + words[k] + "*"
        elif roll < 0.20 and len(words) > 5:
            k = self.r.randrange(1, len(words) - 3)
            if all(w.isalpha() for w in words[k:k + 2]):
                words[k] = "**" + words[k]
                words[k + 1] = words[k + 1] + "**"
        return " ".join(words)

    def paragraph(self, nwords, rich=True):
        out = []
        count = 0
        while count < nwords:
            s = self.sentence(rich)
            if not out and self.r.random() < 0.5:
                o = self.pick(PARA_OPENERS)
                s = o.replace("{s_lc}", s[:1].lower() + s[1:]).replace("{s}", s)
            out.append(s)
            count += len(s.split())
        return " ".join(out), count

    def list_items(self, n):
        items = []
        for _ in range(n):
            items.append("- " + self.fill(self.pick(LIST_ITEMS)))
        return items

    def answer(self, behavioral):
        target = self.r.randint(150, 255)
        npara = self.r.randint(2, 4)
        nitems = self.r.randint(3, 5)
        items = self.list_items(nitems)
        used = sum(len(i.split()) - 1 for i in items)
        per = max(20, (target - used) // npara)
        paras = []
        labels = ["Situation", "Task", "Action", "Result"]
        for p in range(npara):
            text, _ = self.paragraph(per)
            if behavioral:
                text = "**%s.** %s" % (labels[p], text)
            paras.append(text)
        # the list goes after the second paragraph
        at = min(2, len(paras))
        blocks = paras[:at] + ["\n".join(items)] + paras[at:]
        return "\n\n".join(blocks)

    def short_rich(self, lo, hi):
        text, _ = self.paragraph(self.r.randint(lo, hi))
        return text

    def point(self):
        s = self.fill(self.pick(LIST_ITEMS))[:]
        for ch in "*`":
            s = s.replace(ch, "")
        return s.rstrip(".")

    def question_text(self, kind):
        q = self.fill(self.pick(QUESTIONS[kind]))
        return q[:1].upper() + q[1:]


def yq(s):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def block(key, text, indent):
    pad = " " * indent
    lines = [pad + key + ": |"]
    for line in text.split("\n"):
        lines.append((pad + "  " + line) if line else "")
    return lines


def plain(text):
    """Rich text as it reads on paper: no *, ** or ` markers."""
    return text.replace("**", "").replace("*", "").replace("`", "")


def gen_question(g, i, ids, texts):
    cat_id, _, kind = CATEGORIES[i % len(CATEGORIES)]
    if g.r.random() < 0.3:
        cat_id, _, kind = g.pick(CATEGORIES)
    head = g.pick(NOUNS).replace("-", "")
    qid = "%s-%05d-%s" % (cat_id, i + 1, head)
    qtext = g.question_text(kind)
    texts.append(qtext)
    lines = ["  - id: " + qid,
             "    question: " + yq(qtext),
             "    category: " + cat_id]
    roll = g.r.random()
    if roll < 0.7:
        roles = sorted(g.r.sample(range(3), g.r.randint(1, 3)))
        lines.append("    roles: [%s]" % ", ".join(ROLES[k][0] for k in roles))
    topics = g.r.sample(TOPICS, g.r.randint(1, 3))
    lines.append("    topics: [%s]" % ", ".join(topics))
    lines.append("    level: " + g.pick(["junior", "mid", "senior"]))
    lines.append("    minutes: %d" % g.pick([2, 3, 5, 8, 10]))
    why = g.short_rich(25, 45)
    texts.append(plain(why))
    lines += block("why", why, 4)
    answer = g.answer(kind == "behavioral")
    if kind in ("behavioral", "technical") and g.r.random() < 0.8:
        name, steps = (("STAR", STAR_STEPS) if kind == "behavioral"
                       else ("Clarify, baseline, improve, validate",
                             TECH_STEPS))
        lines += ["    framework:", "      name: " + yq(name),
                  "      steps:"]
        fw = [name]
        for label, prompt in steps:
            prompt = g.fill(prompt)
            fw.append("%s: %s" % (label, prompt))
            lines.append("        - label: " + yq(label))
            lines.append("          prompt: " + yq(prompt))
    else:
        fw = []
    lines += block("answer", answer, 4)
    texts += [plain(b) for p in answer.split("\n\n") for b in p.split("\n")]
    texts += fw
    lines.append("    key_points:")
    for _ in range(g.r.randint(3, 5)):
        p = g.point()
        texts.append("- " + p)
        lines.append("      - " + yq(p))
    tip = g.short_rich(15, 35)
    texts.append(plain(tip))
    lines += block("tip", tip, 4)
    lines.append("    follow_ups:")
    for _ in range(g.r.randint(1, 3)):
        f = g.question_text(kind)
        texts.append("- " + f)
        lines.append("      - " + yq(f))
    lines += ["    rubric:", "      strong:"]
    for _ in range(g.r.randint(2, 3)):
        lines.append("        - " + yq(g.point()))
    lines.append("      red_flags:")
    for _ in range(g.r.randint(1, 3)):
        lines.append("        - " + yq(g.point()))
    if ids and g.r.random() < 0.25:
        rel = sorted(set(g.pick(ids) for _ in range(g.r.randint(1, 2))))
        lines.append("    related: [%s]" % ", ".join(rel))
    ids.append(qid)
    return lines


def header(g, n):
    lines = ["corpus:",
             "  title: " + yq("Synthetic Interview Handbook (%d questions)" % n),
             "  subtitle: " + yq("A generated corpus for the studypress benchmark"),
             "  author: " + yq("tests/bench/gen.py"),
             "  edition: \"bench\"",
             "  language: en"]
    lines += block("description", g.short_rich(60, 90) + "\n\n" +
                   g.short_rich(40, 70), 2)
    lines.append("roles:")
    for rid, name in ROLES:
        lines += ["  - id: " + rid, "    name: " + yq(name)]
        lines += block("summary", g.short_rich(25, 40), 4)
    lines.append("categories:")
    for k, (cid, name, _) in enumerate(CATEGORIES):
        lines += ["  - id: " + cid, "    name: " + yq(name),
                  "    order: %d" % (k + 1)]
        lines += block("summary", g.short_rich(40, 70), 4)
    return lines


def corpus_parts(n, per_file=500, texts=None):
    """Yields (file name, text) pairs: corpus.yaml, then questions. The
    printed text of every question goes to `texts`, a paragraph a line."""
    g = Gen(SEED)
    if texts is None:
        texts = []
    yield "corpus.yaml", "\n".join(header(g, n)) + "\n"
    ids = []
    for start in range(0, n, per_file):
        lines = ["questions:"]
        for i in range(start, min(n, start + per_file)):
            lines += gen_question(g, i, ids, texts)
        yield "questions-%05d.yaml" % (start + 1), "\n".join(lines) + "\n"


def write_dir(n, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    for name, text in corpus_parts(n):
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
            f.write(text)


def write_file(n, path):
    with open(path, "w", encoding="utf-8") as f:
        first = True
        for _, text in corpus_parts(n):
            if not first:  # drop the repeated "questions:" key
                text = text.split("\n", 1)[1]
            elif text:
                f.write(text)
                f.write("questions:\n")
                first = False
                continue
            f.write(text)


def write_text(n, path):
    """The questions' printed text, a paragraph a line (for floor.c)."""
    texts = []
    for _ in corpus_parts(n, texts=texts):
        pass
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(texts) + "\n")


def write_candidates(n, path):
    g = Gen(SEED + 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write("name,id,role,seed,date,interviewer\n")
        for i in range(n):
            name = "%s %s" % (g.pick(NAMES), g.pick(SURNAMES))
            iv = "%s %s" % (g.pick(NAMES), g.pick(SURNAMES))
            f.write("%s,c%05d,%s,%d,2026-10-%02d,%s\n" %
                    (name, i + 1, ROLES[i % 3][0], 1000 + i, 1 + i % 28, iv))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int, nargs="?", help="number of questions")
    ap.add_argument("--out-dir", help="write a corpus directory")
    ap.add_argument("--out", help="write one YAML file")
    ap.add_argument("--text", help="also write the printed text, a "
                    "paragraph a line (the bare floor's input)")
    ap.add_argument("--candidates", type=int, help="rows of a candidates CSV")
    ap.add_argument("--csv", help="where the candidates CSV goes")
    a = ap.parse_args()
    if a.candidates is not None:
        if not a.csv:
            ap.error("--candidates needs --csv FILE")
        write_candidates(a.candidates, a.csv)
    if a.n is not None:
        if bool(a.out_dir) == bool(a.out):
            ap.error("say --out-dir DIR or --out FILE")
        if a.out_dir:
            write_dir(a.n, a.out_dir)
        else:
            write_file(a.n, a.out)
        if a.text:
            write_text(a.n, a.text)
    elif a.candidates is None:
        ap.error("nothing to do")
    return 0


if __name__ == "__main__":
    sys.exit(main())
