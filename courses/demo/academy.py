"""Demo content for the Cluster Booster Academy (loaded by ``load_academy``).

Pure data. Edition facts follow the public ECCP descriptions summarised in
the project's domain brief; course, module and material titles are
illustrative. No material is attributed to real speakers or organisations,
and case studies describe fictional, composite clusters.
"""

from datetime import date

SKILL_AREAS = [
    {
        "slug": "strategy-foresight",
        "name": "Strategy & foresight",
        "description": "Setting a clear direction for the cluster organisation based on what members need and where their markets are heading.",
        "skills": [
            {
                "slug": "member-needs-analysis",
                "name": "Member-needs analysis",
                "description": "Finding out systematically what members need from the cluster, through interviews, surveys and data, and turning the findings into priorities.",
            },
            {
                "slug": "vision-mission-goals",
                "name": "Vision, mission and goals",
                "description": "Formulating a shared vision, a concise mission and measurable goals that members and the board recognise as their own.",
            },
            {
                "slug": "trend-analysis",
                "name": "Trend analysis",
                "description": "Scanning technological, market, policy and societal trends and judging which ones matter for the cluster's members.",
            },
            {
                "slug": "action-planning",
                "name": "Action planning",
                "description": "Breaking a strategy down into concrete, resourced and scheduled actions with owners and milestones.",
            },
            {
                "slug": "policy-ecosystem-alignment",
                "name": "Alignment with policy and industrial ecosystems",
                "description": "Positioning the cluster's strategy against regional, national and EU policy, including the 14 industrial ecosystems of EU industrial policy.",
            },
        ],
    },
    {
        "slug": "governance-organisation",
        "name": "Governance & organisation",
        "description": "Building the bodies, membership and team that let a cluster organisation take decisions and deliver on them.",
        "skills": [
            {
                "slug": "governance-bodies",
                "name": "Governance bodies",
                "description": "Designing and running boards, steering committees and working groups with clear roles, mandates and decision rules.",
            },
            {
                "slug": "member-composition",
                "name": "Member composition (triple helix)",
                "description": "Balancing companies, research and education institutions and public bodies in the membership so that each group gains and contributes.",
            },
            {
                "slug": "team-development",
                "name": "Team and staff development",
                "description": "Recruiting, developing and retaining the cluster management team and sharing work between staff and members.",
            },
            {
                "slug": "change-management",
                "name": "Change management",
                "description": "Leading the cluster organisation and its members through changes in strategy, services or structure without losing support.",
            },
        ],
    },
    {
        "slug": "business-model-financing",
        "name": "Business model & financing",
        "description": "Understanding how a cluster organisation creates value and pays for its work over the long term.",
        "skills": [
            {
                "slug": "business-model-canvas",
                "name": "Business model canvas",
                "description": "Describing the cluster organisation's segments, value propositions, channels, resources, costs and revenues on one page.",
            },
            {
                "slug": "fees-revenue-mix",
                "name": "Membership fees and revenue mix",
                "description": "Designing fee structures and balancing fees, paid services, public funding and projects to reduce dependence on any single source.",
            },
            {
                "slug": "eu-public-funding",
                "name": "EU and public funding",
                "description": "Knowing which regional, national and EU funding instruments fit the cluster's plans and how to approach them.",
            },
            {
                "slug": "project-development",
                "name": "Project development",
                "description": "Turning member ideas into fundable project concepts, building consortia and managing proposals through to delivery.",
            },
        ],
    },
    {
        "slug": "member-services-engagement",
        "name": "Member services & engagement",
        "description": "Offering services that members value and keeping them actively involved in the life of the cluster.",
        "skills": [
            {
                "slug": "service-portfolio-design",
                "name": "Service portfolio design",
                "description": "Deciding which services the cluster offers, to whom and on what terms, and developing new ones from member needs.",
            },
            {
                "slug": "engagement-retention",
                "name": "Engagement and retention",
                "description": "Moving members from passive to active participation and understanding why members leave.",
            },
            {
                "slug": "collaboration-facilitation",
                "name": "Collaboration facilitation",
                "description": "Bringing members together around shared challenges and helping them turn contacts into joint projects.",
            },
            {
                "slug": "innovation-scouting",
                "name": "Innovation scouting",
                "description": "Spotting technologies, partners and opportunities inside and outside the cluster and bringing them to members.",
            },
        ],
    },
    {
        "slug": "internationalisation-partnerships",
        "name": "Internationalisation & partnerships",
        "description": "Connecting the cluster and its members to partners, markets and value chains beyond their region.",
        "skills": [
            {
                "slug": "internationalisation-strategy",
                "name": "Internationalisation strategy",
                "description": "Choosing target regions, partners and formats for international activity in line with what members can absorb.",
            },
            {
                "slug": "value-chain-partnerships",
                "name": "Cross-border value-chain partnerships",
                "description": "Building partnerships with clusters in other countries that link complementary parts of a European value chain.",
            },
            {
                "slug": "stakeholder-policy-relations",
                "name": "Stakeholder and policy relations",
                "description": "Working with public authorities, funders and other intermediaries so that the cluster's voice is heard and its work is recognised.",
            },
        ],
    },
    {
        "slug": "communication-community",
        "name": "Communication & community",
        "description": "Making the cluster visible and turning a list of members into a community that meets, trusts and works together.",
        "skills": [
            {
                "slug": "visibility-branding",
                "name": "Visibility and branding",
                "description": "Telling the cluster's story consistently to members, partners and the public through the right channels.",
            },
            {
                "slug": "community-building",
                "name": "Community building",
                "description": "Creating occasions and routines through which members get to know and trust one another.",
            },
            {
                "slug": "facilitation",
                "name": "Facilitation (including virtual)",
                "description": "Designing and leading workshops, meetings and online sessions that produce results and involve everyone.",
            },
            {
                "slug": "leadership-soft-skills",
                "name": "Leadership and soft skills",
                "description": "Leading without formal authority: listening, negotiating, giving feedback and keeping people committed.",
            },
        ],
    },
    {
        "slug": "green-digital-resilience",
        "name": "Green & digital transition, resilience",
        "description": "Helping members through the green and digital transitions and making their value chains more resilient.",
        "skills": [
            {
                "slug": "green-circular-support",
                "name": "Green and circular support",
                "description": "Offering services that help members reduce their environmental footprint and find circular business opportunities.",
            },
            {
                "slug": "digital-industry-4-0",
                "name": "Digital and Industry 4.0",
                "description": "Supporting members' adoption of digital technologies and running the cluster's own services digitally.",
            },
            {
                "slug": "resilience-supply-chains",
                "name": "Resilience and supply chains",
                "description": "Helping members understand dependencies in their supply chains and prepare for disruption together.",
            },
            {
                "slug": "member-upskilling",
                "name": "Member upskilling",
                "description": "Organising training and skills partnerships so that members' staff keep pace with green and digital change.",
            },
        ],
    },
    {
        "slug": "monitoring-evaluation-excellence",
        "name": "Monitoring, evaluation & excellence",
        "description": "Knowing whether the cluster organisation achieves what it set out to do and improving it continuously.",
        "skills": [
            {
                "slug": "kpis-impact",
                "name": "KPIs and impact",
                "description": "Choosing indicators that link activities to results and impact, and collecting them without overburdening members.",
            },
            {
                "slug": "member-satisfaction-surveys",
                "name": "Member satisfaction surveys",
                "description": "Designing, running and acting on surveys that tell the cluster what members think of its work.",
            },
            {
                "slug": "benchmarking-excellence-labels",
                "name": "Benchmarking and excellence labels",
                "description": "Using benchmarking and cluster management excellence assessments (formerly ESCA labels, now EUCLES) to compare and improve.",
            },
            {
                "slug": "self-assessment-improvement",
                "name": "Self-assessment and improvement",
                "description": "Regularly reviewing the cluster organisation's own performance and turning the findings into an improvement plan.",
            },
        ],
    },
]

EDITIONS = [
    {
        "number": 1,
        "slug": "strasbourg-2023",
        "title": "1st Cluster Booster Academy: Strasbourg",
        "host_city": "Strasbourg",
        "host_organisation": "University of Strasbourg",
        "online_start": date(2022, 12, 1),
        "online_end": date(2022, 12, 2),
        "onsite_start": date(2023, 3, 2),
        "onsite_end": date(2023, 3, 3),
        "participants": 27,
        "countries": 20,
        "participants_note": "27 cluster managers from more than 20 countries",
        "format": "Hybrid: two days of online sessions on 1-2 December 2022, followed by two days on site in Strasbourg, with the University of Strasbourg, on 2-3 March 2023.",
        "intro": (
            "<p>The first Cluster Booster Academy brought together 27 cluster managers from more than 20 countries. "
            "It is a service of the European Cluster Collaboration Platform, run on behalf of the European Commission, "
            "to train cluster managers and help their clusters become <i>clusters of the future</i>.</p>"
            "<p>The edition opened with two days of online sessions on 1 and 2 December 2022, covering the foundations "
            "of cluster strategy and the business models of cluster organisations. Between the two parts, participants "
            "worked on homework that was discussed in feedback sessions.</p>"
            "<p>The on-site part took place in Strasbourg on 2 and 3 March 2023, with the University of Strasbourg. "
            "Lectures with interaction alternated with team work on case studies and exercises on designing services "
            "for SMEs, and each participant received coaching on their own strategic action plan.</p>"
        ),
        "courses": [
            {
                "slug": "strategy-foundations",
                "title": "Strategy foundations",
                "delivery": "online",
                "level": "foundation",
                "estimated_hours": 4,
                "modules_in_order": True,
                "summary": "What a strategy means for a cluster organisation and how to build one from members' needs, a shared vision and the policy context. The course prepares the strategic action plan you will develop throughout the academy.",
                "outcomes": [
                    "Explain the difference between the cluster's strategy and the strategies of its members and funders.",
                    "Plan and run structured interviews to understand member needs.",
                    "Draft a vision, a mission and three to five measurable strategic goals.",
                    "Relate your strategy to regional, national and EU policy priorities.",
                ],
                "skills": [
                    "vision-mission-goals",
                    "member-needs-analysis",
                    "action-planning",
                    "policy-ecosystem-alignment",
                ],
                "tags": ["cluster strategy", "clusters of the future"],
                "modules": [
                    {
                        "slug": "what-a-cluster-strategy-is",
                        "title": "What a cluster strategy is (and is not)",
                        "minutes": 25,
                        "skills": ["vision-mission-goals", "action-planning"],
                        "tags": ["cluster strategy"],
                        "body": [
                            ("heading", "What a cluster strategy is"),
                            (
                                "paragraph",
                                "<p>A cluster strategy describes where the cluster organisation wants to be in three to five years, which members it serves, what it will do for them and what it will deliberately not do. It is different from the regional development strategy of the authority that may fund you, and different from the strategies of your member companies. It is the strategy of the cluster organisation itself.</p><p>A useful strategy fits on a few pages. It names a small number of strategic goals, explains the reasoning behind them and links each goal to actions that somebody owns.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Cluster managers are constantly asked to do more: run events, answer funding calls, represent the region, support individual members. Without a strategy every request looks equally important, and the team ends up busy but without visible impact. A strategy gives you a reason to say no, a basis for negotiating with funders and board members, and a story that tells members why their fee matters.</p><p>A clear strategy is also the starting point of cluster management excellence assessments: assessors ask how the strategy was developed, who was involved and how it is monitored.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ol><li><b>Start from members</b>, not from funding calls: what do they need that they cannot get alone?</li><li><b>Look outward</b>: which trends and policies will change your members' markets?</li><li><b>Choose</b> three to five strategic goals and write down what you will stop doing.</li><li><b>Plan</b> actions, owners, resources and indicators for each goal.</li><li><b>Review</b> the strategy with the board every year.</li></ol>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "tip",
                                    "text": "<p>Write the strategy with members, not for them. A draft discussed in two or three member workshops is worth more than a polished document nobody has read.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Find your current strategy document or, if there is none, your last annual work plan. Underline every sentence that describes a choice: something you will or will not do for a specific group of members. Count the choices. If you find fewer than three, list the decisions your team takes every week without any strategic reference. They are the raw material for the next modules.</p>",
                            ),
                            (
                                "self_check",
                                {
                                    "question": "Which statement best describes a cluster strategy?",
                                    "options": [
                                        {
                                            "text": "A list of all activities the cluster management team carried out last year",
                                            "correct": False,
                                        },
                                        {
                                            "text": "A set of choices about which members the organisation serves, what it offers them and what it will not do",
                                            "correct": True,
                                        },
                                        {
                                            "text": "The regional smart specialisation strategy of the funding authority",
                                            "correct": False,
                                        },
                                    ],
                                    "explanation": "A strategy is a set of choices for the cluster organisation itself. Activity reports look backwards, and the regional strategy belongs to the public authority, even though your strategy should be aligned with it.",
                                    "required": True,
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "listening-to-members",
                        "title": "Listening to members: needs analysis",
                        "minutes": 30,
                        "skills": ["member-needs-analysis", "engagement-retention"],
                        "tags": ["members", "interviews"],
                        "body": [
                            ("heading", "What a needs analysis is"),
                            (
                                "paragraph",
                                "<p>A member-needs analysis is a structured way of finding out what your members are trying to achieve, what blocks them and which of those blocks the cluster could help remove. It combines a few sources: one-to-one interviews, a short survey, what you already know from events and projects, and public data about your sector.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Cluster services often start from what the team can offer or what a funding call pays for. Services designed this way tend to attract the same few active members. Starting from needs helps you reach members who are currently silent, shows the board that priorities are grounded in evidence, and gives you the language members themselves use, which you will need when you promote new services.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ul><li><b>Sample deliberately.</b> Interview a mix of small and large companies, research and education members and public partners, and include some members who rarely attend.</li><li><b>Ask about their business, not about the cluster.</b> Open with their goals for the next three years and their biggest obstacles; only then ask where the cluster could help.</li><li><b>Take notes in a shared format</b> so that the team can compare interviews.</li><li><b>Cluster the answers</b> into need themes and note how often and how strongly each theme appears.</li><li><b>Test the themes</b> with a short survey to all members.</li></ul>",
                            ),
                            ("material", "member-needs-interview-guide"),
                            (
                                "callout",
                                {
                                    "style": "note",
                                    "text": "<p>Interviews with the chief executive and with an operational manager of the same company often reveal different needs. Where possible, talk to both.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Using the interview guide, interview three members before the next online session: one very active, one rarely seen and one from outside the business community (a university, a training centre or a public body). Write down the three strongest needs you heard, in the members' own words, and bring them to the feedback session.</p>",
                            ),
                        ],
                    },
                    {
                        "slug": "vision-mission-and-goals",
                        "title": "Vision, mission and goals",
                        "minutes": 30,
                        "skills": ["vision-mission-goals"],
                        "tags": [],
                        "body": [
                            ("heading", "What they are"),
                            (
                                "paragraph",
                                "<p>The <b>vision</b> describes the future your cluster wants to help create for its members and region, for example a recognised, connected regional industry that leads in a specific technology. The <b>mission</b> says what the cluster organisation does to get there and for whom. <b>Strategic goals</b> translate the mission into three to five results you want to achieve within the strategy period.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Vision and mission are easy to dismiss as slogans, but they do real work. They help new members decide whether the cluster is for them, they guide staff when no rule applies, and they give the board a yardstick for judging proposals. Goals make the strategy checkable: without them you cannot tell whether the strategy worked.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ol><li>Collect the key words members used in the needs interviews.</li><li>Draft a vision in one sentence that a member could repeat to a colleague.</li><li>Write the mission as: <i>we help [members] to [achieve what] by [how]</i>.</li><li>Derive goals from the need themes. Make each goal specific and measurable, and say by when.</li><li>Test the draft with the board and a few members, and cut words until it is short.</li></ol><p>Keep the process light. Two drafting sessions with a small group, followed by one round of comments from members, are usually enough. What matters more is that the final text is used: on the website, in the onboarding of new members and at the start of every board meeting.</p>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "warning",
                                    "text": "<p>A goal like <i>increase visibility</i> cannot be checked. Say what will be visible, to whom, and how you will know.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Draft a vision sentence, a mission sentence and three strategic goals for your cluster. For each goal, write one indicator and a target date. Post your draft in the course forum and give feedback on the drafts of two other participants: is each goal specific, measurable and clearly linked to a member need?</p>",
                            ),
                        ],
                    },
                    {
                        "slug": "aligning-with-eu-policy",
                        "title": "Aligning with regional and EU policy",
                        "minutes": 25,
                        "skills": ["policy-ecosystem-alignment", "stakeholder-policy-relations"],
                        "tags": ["eu policy", "industrial ecosystems"],
                        "body": [
                            ("heading", "What alignment means"),
                            (
                                "paragraph",
                                "<p>Your cluster operates within several layers of policy: the regional innovation or smart specialisation strategy, national industrial and innovation policy, and EU policy. At EU level, industrial policy is organised around 14 industrial ecosystems, and the green and digital transitions and resilience are cross-cutting priorities. Alignment means showing how your strategic goals contribute to these priorities, without giving up the focus on your members.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Public funders, from regional agencies to EU programmes, finance what fits their priorities. A strategy that speaks their language is easier to fund and easier to defend. Alignment also opens doors to partners: clusters in other countries that work on the same ecosystem are natural allies for joint projects and value-chain cooperation.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ul><li>Identify the one or two industrial ecosystems your members belong to.</li><li>Read the relevant sections of your regional strategy and note the priorities that match your goals.</li><li>Map each strategic goal against regional, national and EU priorities in a simple table.</li><li>Where a goal matches no priority, decide whether it is still worth pursuing with members' own resources.</li><li>Share the map with your funding authority and ask for feedback.</li></ul>",
                            ),
                            ("material", "eu-cluster-policy-reading-list"),
                            (
                                "callout",
                                {
                                    "style": "tip",
                                    "text": "<p>Alignment works in both directions. Invite the people who write the regional strategy to one of your member workshops: they learn what companies need, and you learn early where policy is heading.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Build the alignment table for the three goals you drafted in the previous module. Mark each cell as strong, partial or none. Choose the goal with the weakest alignment and write two sentences explaining either how you would strengthen the link or why the goal stays in the strategy anyway.</p>",
                            ),
                        ],
                    },
                ],
            },
            {
                "slug": "business-models-for-cluster-organisations",
                "title": "Business models for cluster organisations",
                "delivery": "online",
                "level": "intermediate",
                "estimated_hours": 4,
                "modules_in_order": False,
                "summary": "How a cluster organisation creates, delivers and captures value, described with a business model canvas adapted to clusters. You will analyse your revenue mix and review how you price membership and services.",
                "outcomes": [
                    "Describe your cluster organisation's business model on one canvas.",
                    "Distinguish the customer segments a cluster serves and the value each one receives.",
                    "Assess the risks of your current revenue mix.",
                    "Apply simple principles for setting membership fees and service prices.",
                ],
                "skills": ["business-model-canvas", "fees-revenue-mix", "eu-public-funding"],
                "tags": ["business model", "financing"],
                "modules": [
                    {
                        "slug": "the-cluster-organisation-as-a-business",
                        "title": "The cluster organisation as a business",
                        "minutes": 25,
                        "skills": ["business-model-canvas", "fees-revenue-mix"],
                        "tags": ["business model"],
                        "body": [
                            ("heading", "What a business model is"),
                            (
                                "paragraph",
                                "<p>Most cluster organisations are non-profit associations, foundations or public companies, but all of them have a business model: a logic by which they create value for someone, deliver it and receive the resources to continue. For a cluster the value usually lies in connections, information, visibility, joint projects and access to funding; the resources come from membership fees, paid services, public grants and project budgets.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Many clusters were started with public start-up funding. When that funding shrinks or changes its rules, clusters that never thought about their business model find that members are not prepared to pay for what the cluster does, or that the team spends most of its time on projects that members do not notice. Thinking of the cluster organisation as a business is not about making profit; it is about being able to continue serving members on your own terms.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ul><li>List everyone who benefits from your work: member companies of different sizes, research members, public funders, the wider region.</li><li>For each group, write what they receive and what they give in return: money, time, data, legitimacy.</li><li>Separate activities that generate income from those that consume it, and note who pays for the latter today.</li><li>Ask which of these flows would survive if the largest single funding source disappeared tomorrow.</li></ul>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "note",
                                    "text": "<p>Public funders are customers too. They pay for outcomes such as regional innovation or SME growth, and a good business model states clearly what they receive.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Draw a simple value map of your cluster: boxes for each beneficiary group and arrows for what flows between them and the cluster organisation. Mark in red the flows that depend on a single funding source. Bring the map to the next session; we will turn it into a full canvas.</p>",
                            ),
                        ],
                    },
                    {
                        "slug": "a-canvas-for-clusters",
                        "title": "A business model canvas for clusters",
                        "minutes": 35,
                        "skills": ["business-model-canvas", "service-portfolio-design"],
                        "tags": ["business model", "canvas"],
                        "body": [
                            ("heading", "What the canvas shows"),
                            (
                                "paragraph",
                                "<p>The business model canvas describes an organisation in nine building blocks: customer segments, value propositions, channels, customer relationships, revenue streams, key resources, key activities, key partners and cost structure. For clusters we adapt it slightly: segments include members and funders, key resources include trust and the network itself, and partners include other intermediaries in the region.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>A canvas makes a complicated organisation visible on one page. It shows whether value propositions match segments, whether activities support the propositions that generate income, and where costs are concentrated. Because it is visual, it is also a good tool for discussions with the board and staff.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ol><li>Start on the right side: segments and the value proposition for each. Use separate colours for each segment.</li><li>Add channels and relationships: how does each segment hear about and use your services?</li><li>Fill in revenue streams per segment.</li><li>Move to the left side: the activities, resources and partners needed to deliver the propositions.</li><li>Finish with costs, and check that every cost supports at least one proposition.</li></ol><p>Work on a large printed canvas or a shared online whiteboard with sticky notes, so that items can be moved. Limit yourself to a few words per note; if a note needs a paragraph, the idea is not yet clear. Involve at least one board member and one staff member who delivers services, because they see different parts of the model.</p>",
                            ),
                            ("material", "business-model-canvas-for-clusters"),
                            (
                                "callout",
                                {
                                    "style": "tip",
                                    "text": "<p>Do two canvases: one for today and one for where your strategy wants you to be in three years. The differences are your business model agenda.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Complete the current-state canvas for your cluster using the template. Then identify one value proposition that has no clear revenue stream and one activity that supports no proposition. Discuss both with a peer in the breakout session and note what you would change first.</p>",
                            ),
                        ],
                    },
                    {
                        "slug": "balancing-the-revenue-mix",
                        "title": "Balancing the revenue mix",
                        "minutes": 30,
                        "skills": ["fees-revenue-mix", "eu-public-funding"],
                        "tags": ["financing"],
                        "body": [
                            ("heading", "What the revenue mix is"),
                            (
                                "paragraph",
                                "<p>The revenue mix is the combination of income sources that finance cluster management: membership fees, fees for services and events, sponsorship, core funding from public authorities, and project funding from regional, national or EU programmes. Each source has its own rhythm, conditions and risks.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>A cluster that depends on one source is fragile. Heavy reliance on core public funding exposes it to political change; heavy reliance on projects can pull the team away from members' priorities and creates gaps between projects; fees alone rarely cover ambitious programmes. A balanced mix is also a sign of maturity in cluster management excellence assessments, which look at how cluster management is financed.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ul><li><b>Map</b> income over the last three years by source and note which are secured, likely or uncertain for the next three.</li><li><b>Check fit</b>: does each project actually advance a strategic goal, or does it just pay salaries?</li><li><b>Set targets</b> for the mix you want and the steps to get there, such as introducing a paid service line or a fee tier.</li><li><b>Build a reserve</b> where your legal form allows it, to bridge gaps between projects.</li></ul>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "warning",
                                    "text": "<p>Project overheads rarely cover the real cost of preparing proposals. Count proposal writing as an investment and decide in advance how much of it you can afford.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Fill in a table of your income sources for the past three years and classify each as secured, likely or uncertain for the coming three. Write one paragraph describing the mix you would like to have at the end of your strategy period and the first step towards it.</p><p>Finally, list one income source you do not use today, such as sponsorship of a flagship event or a paid service for non-members, and note what would have to be true for it to work in your cluster.</p>",
                            ),
                            (
                                "self_check",
                                {
                                    "question": "Why is a cluster that relies almost entirely on project funding at risk?",
                                    "options": [
                                        {
                                            "text": "Because EU rules forbid clusters from taking part in more than one project at a time",
                                            "correct": False,
                                        },
                                        {
                                            "text": "Because projects can pull the team away from members' priorities and leave gaps when they end",
                                            "correct": True,
                                        },
                                        {
                                            "text": "Because project funding cannot be used to pay staff",
                                            "correct": False,
                                        },
                                    ],
                                    "explanation": "Projects are a valuable source, but they follow funders' calls and timetables. Without other sources the team may chase calls rather than member needs and face funding gaps between projects.",
                                    "required": False,
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "pricing-services-and-fees",
                        "title": "Pricing services and membership fees",
                        "minutes": 30,
                        "skills": ["fees-revenue-mix", "service-portfolio-design"],
                        "tags": ["financing", "services"],
                        "body": [
                            ("heading", "What you are pricing"),
                            (
                                "paragraph",
                                "<p>Clusters usually combine a membership fee, which buys belonging and a basic set of services, with optional services paid per use, such as training, delegations or consultancy. Some offer membership tiers with different service levels. The price of each reflects cost, value to the member and what the cluster wants to encourage.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Fees that are too low signal low value and leave the cluster dependent on subsidies. Fees that are too high exclude the small companies and start-ups that often need the cluster most. Unclear pricing causes friction: members are surprised by charges or use expensive services without knowing their cost.</p><p>Pricing is also a message. A fee structure that rewards active participation, for example by including event places or working-group seats in each tier, tells members what the cluster values.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ol><li>Describe clearly what the basic membership includes, and keep it stable.</li><li>Link fee levels to a simple criterion such as company size, and consider a reduced rate for start-ups.</li><li>For paid services, calculate full cost including staff time, then decide on a member and a non-member price.</li><li>Test new prices with a few members before announcing them, and explain changes with the value they bring.</li><li>Review prices once a year, not every time a budget gap appears.</li></ol>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "tip",
                                    "text": "<p>A visible non-member price for services is one of the simplest ways to show what membership is worth.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Pick one service you currently offer free of charge. Estimate its full cost per participant and write a short pricing proposal for it: member price, non-member price and how you would explain the change. Share the proposal with a peer and ask them to argue the members' side.</p>",
                            ),
                        ],
                    },
                ],
            },
            {
                "slug": "designing-services-for-smes",
                "title": "Designing services for SMEs",
                "delivery": "on_site",
                "level": "intermediate",
                "estimated_hours": 6,
                "modules_in_order": True,
                "summary": "A hands-on day on building services that small and medium-sized members actually use: mapping the current portfolio, turning needs into service concepts, piloting them and learning from a case worked in teams.",
                "outcomes": [
                    "Map your current service portfolio against member segments and needs.",
                    "Turn a member need into a service concept with a clear value proposition.",
                    "Plan a low-cost pilot and decide in advance what counts as success.",
                    "Analyse a service case in a team and transfer the lessons to your cluster.",
                ],
                "skills": [
                    "service-portfolio-design",
                    "innovation-scouting",
                    "member-needs-analysis",
                    "collaboration-facilitation",
                ],
                "tags": ["services", "smes"],
                "modules": [
                    {
                        "slug": "mapping-your-service-portfolio",
                        "title": "Mapping your service portfolio",
                        "minutes": 30,
                        "skills": ["service-portfolio-design", "member-needs-analysis"],
                        "tags": ["services"],
                        "body": [
                            ("heading", "What a service portfolio is"),
                            (
                                "paragraph",
                                "<p>Your service portfolio is everything the cluster organisation offers members, from newsletters and networking events to matchmaking, training, internationalisation support, project development and advocacy. Services differ in how many members they reach, how deeply they change what members do and how much they cost to run.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Portfolios tend to grow by accumulation: each project or enthusiastic staff member adds a service, and few are ever stopped. The result is a long list that members find hard to navigate and the team finds hard to deliver well. A map shows where you are strong, where segments are underserved and which services could be merged or retired to make room for new ones.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ul><li>List all services in one table, including those delivered through projects.</li><li>For each, note the member segments it serves, the need it answers, how many members used it last year and its approximate cost in staff days.</li><li>Place the services on a matrix: reach (few or many members) against depth (information only, or real change in member practice).</li><li>Look for gaps: segments with no deep service, and needs from your needs analysis that no service answers.</li></ul><p>Ask two or three members to look at the map with you. They will quickly tell you which services they have never heard of, which is useful information in itself.</p>",
                            ),
                            ("material", "service-portfolio-matrix"),
                            (
                                "callout",
                                {
                                    "style": "note",
                                    "text": "<p>Services in the few-members, low-depth corner deserve a hard look. They are often kept for historical reasons.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Before the afternoon session, fill in the portfolio matrix for your own cluster. Circle one service you would consider stopping and one gap you would like to fill. In your table group, explain both choices in two minutes each and collect questions from the others.</p>",
                            ),
                        ],
                    },
                    {
                        "slug": "from-need-to-service-concept",
                        "title": "From member need to service concept",
                        "minutes": 35,
                        "skills": ["service-portfolio-design", "innovation-scouting"],
                        "tags": ["services", "design thinking"],
                        "body": [
                            ("heading", "What a service concept contains"),
                            (
                                "paragraph",
                                "<p>A service concept is a one-page description of a service before you build it: the target members, the need or job it addresses, what the member receives, how it is delivered, who delivers it, what it costs and how the cluster will know it works. It is the bridge between a need you heard in interviews and a service you can pilot.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>SMEs have little time and low tolerance for vague offers. A concept forces the team to be precise about the benefit for a specific member, and it lets you test the idea with members before investing. It also helps you spot where the cluster should not deliver the service itself but broker access to a partner, such as a technology centre or a university lab.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ol><li>Pick one need theme and write it as a member would say it.</li><li>Describe the member's situation before and after using the service.</li><li>Scout what already exists: inside the cluster, at partner organisations and in other clusters. Innovation scouting applies to services too.</li><li>Decide the cluster's role: deliver, broker or co-create with members.</li><li>Fill in the concept page and check it with two members from the target group.</li></ol>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "tip",
                                    "text": "<p>If you cannot describe the after-situation in concrete terms, such as a contact made, a prototype tested or a tender submitted, the concept is not ready.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>In teams of three, take one gap identified in the previous module and develop a service concept on the worksheet provided. Present it to another team, who will play SME owners and ask the questions a busy manager would ask. Revise the concept after the discussion and keep it as an input for your action plan.</p>",
                            ),
                            (
                                "self_check",
                                {
                                    "question": "When should a cluster broker a service rather than deliver it itself?",
                                    "options": [
                                        {
                                            "text": "Whenever the service is free of charge",
                                            "correct": False,
                                        },
                                        {
                                            "text": "When a partner already offers it well and the cluster's value lies in connecting members to it",
                                            "correct": True,
                                        },
                                        {
                                            "text": "Never: members expect all services from the cluster team",
                                            "correct": False,
                                        },
                                        {
                                            "text": "Only when the service is funded by a project",
                                            "correct": False,
                                        },
                                    ],
                                    "explanation": "Clusters add value by connecting. If a technology centre or university already provides a service well, the cluster helps members most by giving them easy access, not by duplicating it.",
                                    "required": True,
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "prototyping-and-piloting-services",
                        "title": "Prototyping and piloting services",
                        "minutes": 30,
                        "skills": ["service-portfolio-design", "collaboration-facilitation"],
                        "tags": ["services", "pilot"],
                        "body": [
                            ("heading", "What a pilot is"),
                            (
                                "paragraph",
                                "<p>A pilot is a small, time-limited first run of a new service with a handful of members. It is designed to learn: whether members use the service, whether it delivers the promised benefit and what it really costs to run. A pilot can be as simple as one workshop, a manual matchmaking round or a single delegation.</p><p>Think of a pilot as an experiment with a question attached: will members of this segment give half a day for this format? Will a partner lab accept cluster members on the agreed terms? The clearer the question, the more useful the answer.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Launching a full service straight away commits budget and reputation before you know whether it works. A pilot lets you fail cheaply and improve quickly. Members who take part in a pilot often become its champions, and their feedback gives you credible evidence when you ask the board or a funder to scale the service.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ul><li><b>Define success in advance</b>: for example the number of members who sign up, what they say afterwards and whether any follow-up action happens.</li><li><b>Keep it manual</b>: use spreadsheets and phone calls before you invest in platforms.</li><li><b>Recruit a mix</b> of enthusiastic and sceptical members.</li><li><b>Collect feedback</b> immediately after and again a few weeks later.</li><li><b>Decide</b>: stop, adjust and repeat, or scale.</li></ul>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "warning",
                                    "text": "<p>Do not skip the decision step. Pilots that quietly continue without a decision become permanent services nobody chose.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Take the service concept your team developed and write a pilot plan on one page: participants, duration, format, success criteria, costs and the date on which you will decide what happens next. Present the plan in the gallery walk and collect at least three suggestions on sticky notes.</p>",
                            ),
                        ],
                    },
                    {
                        "slug": "team-case-work",
                        "title": "Team case work: a matchmaking service",
                        "minutes": 40,
                        "skills": ["collaboration-facilitation", "service-portfolio-design"],
                        "tags": ["case study", "matchmaking"],
                        "body": [
                            ("heading", "What you will work on"),
                            (
                                "paragraph",
                                "<p>In this session teams work on a composite case: a regional cluster that wants its members to collaborate more but finds that networking events produce contacts and few projects. The cluster decides to build a structured matchmaking service. The case describes its starting point, the choices it faced and the dilemmas that appeared during the first year. The case is fictional and does not describe any particular cluster.</p>",
                            ),
                            ("material", "case-study-matchmaking-service"),
                            ("heading", "Why case work matters"),
                            (
                                "paragraph",
                                "<p>Working on someone else's cluster makes it easier to see choices clearly, without the history and loyalties that shape decisions at home. Teams bring different national contexts and often disagree, which is exactly the point: the discussion reveals assumptions you did not know you had.</p><p>Cases also train a habit that is useful at home: separating the facts of a situation from the interpretations people bring to it. Before your team discusses solutions, list what the case actually says and what you are assuming. Many disagreements disappear, and the real ones become clearer.</p>",
                            ),
                            ("heading", "How to work on the case"),
                            (
                                "paragraph",
                                "<ol><li>Read the case individually and note the three decisions you consider most important.</li><li>In your team, agree on the main problem the cluster is trying to solve.</li><li>Discuss the questions at the end of the case and record where you disagree.</li><li>Prepare a five-minute presentation: what you would have done differently and why.</li></ol>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "tip",
                                    "text": "<p>Appoint a devil's advocate in each team whose job is to question every consensus.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>After the presentations, write down individually one idea from the case you will apply in your own cluster within the next three months, and add it to your strategic action plan. In the coaching session you will discuss how to adapt it to your context.</p>",
                            ),
                        ],
                    },
                ],
            },
            {
                "slug": "action-plan-coaching",
                "title": "Action-plan coaching",
                "delivery": "on_site",
                "level": "advanced",
                "estimated_hours": 5,
                "modules_in_order": False,
                "summary": "Each participant turns the work of the academy into a strategic action plan for their own cluster, with coaching from trainers and peers. The course covers plan structure, prioritisation, peer coaching and keeping momentum after the academy.",
                "outcomes": [
                    "Structure a strategic action plan with goals, actions, owners, resources and indicators.",
                    "Prioritise actions by impact, effort and readiness for change.",
                    "Give and receive structured peer coaching.",
                    "Set up a routine to review and adjust the plan after the academy.",
                ],
                "skills": [
                    "action-planning",
                    "change-management",
                    "leadership-soft-skills",
                    "self-assessment-improvement",
                ],
                "tags": ["action plan", "coaching"],
                "modules": [
                    {
                        "slug": "anatomy-of-an-action-plan",
                        "title": "Anatomy of a strategic action plan",
                        "minutes": 25,
                        "skills": ["action-planning", "kpis-impact"],
                        "tags": ["action plan"],
                        "body": [
                            ("heading", "What the plan contains"),
                            (
                                "paragraph",
                                "<p>A strategic action plan connects your strategic goals to the work of the next twelve to eighteen months. For each goal it lists a few actions, and for each action: the owner, the members or partners involved, the resources needed, the milestones and the indicator that shows progress. It also records assumptions and risks.</p><p>Keep the plan short enough to review in a meeting: typically a table of one or two pages, with supporting detail in annexes. A plan that nobody can read in ten minutes will not be reviewed.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Strategies fail most often in execution. A plan that names owners and dates turns intentions into commitments, lets the board follow progress and makes it easier to say no to requests that do not fit. During the academy the plan is also the thread that connects the online sessions, the homework and the on-site coaching.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ol><li>Copy your three to five strategic goals into the template.</li><li>Under each goal, write no more than three actions for the coming year. Each action starts with a verb.</li><li>Give each action one owner, even if many people contribute.</li><li>Estimate resources in staff days and budget, and check the total against your real capacity.</li><li>Add one indicator per action and a quarterly milestone.</li></ol>",
                            ),
                            ("material", "strategic-action-plan-template"),
                            (
                                "callout",
                                {
                                    "style": "warning",
                                    "text": "<p>If the sum of staff days exceeds what your team actually has, the plan is a wish list. Cut actions now rather than miss them later.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Transfer your draft goals and the ideas collected during the academy into the template. Bring a printed copy to the coaching session and mark the one action you are least sure about; your coach will start there. Also list the assumptions behind your two most important actions.</p>",
                            ),
                        ],
                    },
                    {
                        "slug": "prioritising-actions",
                        "title": "Prioritising actions",
                        "minutes": 30,
                        "skills": ["action-planning", "change-management"],
                        "tags": ["action plan"],
                        "body": [
                            ("heading", "What prioritisation involves"),
                            (
                                "paragraph",
                                "<p>Most draft action plans contain more actions than a cluster team can deliver. Prioritisation means deciding which actions go first, which wait and which are dropped, based on their expected impact on members, the effort they require and how ready members and staff are for the change they bring.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Doing a few things well builds credibility with members and the board, and credibility is what you need to launch the harder changes later. Spreading the team across too many actions produces a year of half-finished work, which damages trust in the strategy itself.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ul><li>Score each action from one to five on impact for members and on effort for the team.</li><li>Plot them on an impact-effort grid: start with high impact and low effort, plan high impact and high effort carefully, drop low impact and high effort.</li><li>Add a third question: who has to change their behaviour for this action to succeed, and are they ready?</li><li>Choose one visible quick win for the first three months to build momentum.</li><li>Sequence the remaining actions so that early ones prepare the ground for later ones.</li></ul><p>Prioritisation is also a conversation. Share your grid with the team: staff who deliver the actions often judge effort more realistically than managers, and involving them makes them more committed to the result.</p>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "note",
                                    "text": "<p>Readiness matters as much as impact. An action the board does not yet support may need a preparatory step, such as a pilot or a member consultation, before it can go ahead.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Score all actions in your plan and place them on the grid. Identify your quick win and the action that needs the most preparation. Explain your choice to your coaching partner, who should challenge at least one score.</p>",
                            ),
                            (
                                "self_check",
                                {
                                    "question": "An action promises high impact for members but the board is sceptical. What is the most sensible next step?",
                                    "options": [
                                        {
                                            "text": "Drop the action, because board support is missing",
                                            "correct": False,
                                        },
                                        {
                                            "text": "Launch it anyway at full scale to prove the board wrong",
                                            "correct": False,
                                        },
                                        {
                                            "text": "Plan a preparatory step, such as a small pilot or member consultation, that builds evidence and support",
                                            "correct": True,
                                        },
                                    ],
                                    "explanation": "Low readiness does not mean low value. A preparatory step produces evidence and involves the sceptics, which makes the larger action possible later.",
                                    "required": False,
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "peer-coaching-triads",
                        "title": "Peer coaching in triads",
                        "minutes": 35,
                        "skills": ["leadership-soft-skills", "facilitation"],
                        "tags": ["coaching", "peer learning"],
                        "body": [
                            ("heading", "What peer coaching is"),
                            (
                                "paragraph",
                                "<p>In a coaching triad three participants take turns in three roles: the case giver, who presents a challenge from their action plan; the coach, who helps through questions rather than advice; and the observer, who watches the conversation and gives feedback on it. Each round lasts about twenty minutes.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Cluster managers often work alone, with no peer inside their organisation who understands the job. Peer coaching uses the experience in the room and trains a skill you need every day: helping members, staff and partners find their own solutions. Asking good questions is at the heart of leading without formal authority. Feedback from the observer makes the skill visible: most people are surprised by how quickly they slip from questions into advice.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ol><li><b>Case giver</b> (3 minutes): describe the challenge and what you have tried.</li><li><b>Coach</b> (12 minutes): ask open questions such as what would success look like, what is in your control, what is stopping you. Avoid giving solutions until the last two minutes, and then only if asked.</li><li><b>Case giver</b> (2 minutes): name one next step.</li><li><b>Observer</b> (3 minutes): give feedback on the coaching, such as which questions opened the conversation and where advice crept in.</li></ol><p>Then rotate roles.</p>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "tip",
                                    "text": "<p>Coaches who find it hard not to give advice can write their idea down and keep it for the end. Most of the time the case giver gets there alone.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Complete three rounds so that everyone plays each role once. Afterwards, note in your action plan the next step you committed to as case giver, and one question from the coaching that you want to use with your own members or staff. Close by discussing as a triad which questions worked best and why.</p>",
                            ),
                        ],
                    },
                    {
                        "slug": "after-the-academy",
                        "title": "Keeping momentum after the academy",
                        "minutes": 20,
                        "skills": ["self-assessment-improvement", "change-management"],
                        "tags": ["action plan"],
                        "body": [
                            ("heading", "What happens next"),
                            (
                                "paragraph",
                                "<p>The academy ends, but the action plan has only just started. The weeks after returning home decide whether the plan becomes the team's way of working or disappears under daily business. This module prepares your first ninety days and the routines that keep the plan alive.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Training effects fade quickly without follow-up. A plan that is shared with the board and team soon after a training, and reviewed regularly, has a much better chance of being implemented than one kept in a drawer. Your peers from the academy are also a resource: they face similar problems and can hold you accountable.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ul><li>Within two weeks, present the plan to your team and ask each action owner to confirm their commitment.</li><li>Put the plan on the agenda of the next board meeting and agree how progress will be reported.</li><li>Hold a short monthly review with the team: what moved, what is stuck, what changes.</li><li>After each quarter, do a brief self-assessment: are the goals still right, are the indicators telling you something useful?</li><li>Arrange a follow-up call with two academy peers after three months.</li></ul><p>Keep the routines light. A fifteen-minute monthly review that actually happens is more useful than a half-day quarterly review that is always postponed.</p>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "note",
                                    "text": "<p>Adjusting the plan is not failure. Recording why you changed it is part of good cluster management and is exactly what excellence assessors want to see.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Write your ninety-day plan: three dated steps, the people you will involve and the date of your follow-up call with peers. Exchange contact details with your peers before you leave, and book the call now. Finally, write one sentence you will use to explain the plan to a member who asks what you learned.</p>",
                            ),
                        ],
                    },
                ],
            },
        ],
    },
    {
        "number": 2,
        "slug": "turin-2023",
        "title": "2nd Cluster Booster Academy: Turin",
        "host_city": "Turin",
        "host_organisation": "Environment Park",
        "online_start": date(2023, 6, 6),
        "online_end": date(2023, 6, 7),
        "onsite_start": date(2023, 9, 21),
        "onsite_end": date(2023, 9, 22),
        "participants": 21,
        "countries": 13,
        "participants_note": "21 cluster managers from 13 countries",
        "format": "Hybrid: online sessions on strategy development and cluster business models on 6-7 June 2023, followed by two days on site at Environment Park in Turin on 21-22 September 2023.",
        "intro": (
            "<p>The second Cluster Booster Academy trained 21 cluster managers from 13 countries. "
            "Its online part, on 6 and 7 June 2023, focused on strategy development and on the business models "
            "of cluster organisations.</p>"
            "<p>Two challenges ran through the edition: how to engage members, and how to develop innovative services "
            "for them. Participants worked on these challenges in teams, discussed their homework in feedback sessions "
            "and built their own strategic action plans with coaching.</p>"
            "<p>The on-site part took place at Environment Park in Turin on 21 and 22 September 2023. "
            "Besides sessions on member engagement and new services, participants piloted a trend-assessment tool "
            "to judge which trends matter for their members, including those linked to the green and digital "
            "transitions.</p>"
        ),
        "courses": [
            {
                "slug": "strategy-development",
                "title": "Strategy development",
                "delivery": "online",
                "level": "intermediate",
                "estimated_hours": 4,
                "modules_in_order": True,
                "summary": "A step-by-step process for developing or renewing your cluster strategy: analysing the cluster's position, exploring strategic options and scenarios, and involving the board and members so that the result is owned by the cluster.",
                "outcomes": [
                    "Describe the main steps of a strategy development process and who is involved in each.",
                    "Analyse your cluster's internal strengths and weaknesses and its external environment.",
                    "Compare strategic options using simple scenarios.",
                    "Design a consultation process that gives the board and members real influence.",
                ],
                "skills": [
                    "vision-mission-goals",
                    "trend-analysis",
                    "member-needs-analysis",
                    "governance-bodies",
                ],
                "tags": ["cluster strategy"],
                "modules": [
                    {
                        "slug": "the-strategy-process",
                        "title": "The strategy process at a glance",
                        "minutes": 25,
                        "skills": ["vision-mission-goals", "action-planning"],
                        "tags": ["cluster strategy"],
                        "body": [
                            ("heading", "What the process looks like"),
                            (
                                "paragraph",
                                "<p>Developing a cluster strategy usually follows five steps: <b>prepare</b> (agree the mandate, timeline and who is involved), <b>analyse</b> (member needs, internal capacities, trends and policy), <b>choose</b> (vision, mission, strategic goals and what you will not do), <b>plan</b> (actions, resources, indicators) and <b>anchor</b> (approval, communication and a review routine). The steps overlap, and you will loop back when new information arrives.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>A clear process protects you from two common failures. The first is the strategy written by the manager alone over a weekend: quick, but nobody else feels bound by it. The second is the endless consultation that never reaches a decision. Agreeing the process with the board at the start sets expectations about time, roles and the point at which choices will be made.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ul><li>Write a one-page process note: purpose, steps, dates, the people involved at each step and who decides.</li><li>Set up a small strategy group, for example the manager, two or three board members and one or two active members from different parts of the triple helix.</li><li>Plan the analysis so that it reuses existing data: surveys, event feedback, project reports.</li><li>Reserve a fixed date for the decision and work backwards from it.</li><li>Plan how you will communicate the result before you start.</li></ul>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "tip",
                                    "text": "<p>For most clusters, three to six months from mandate to approved strategy is realistic. Longer processes tend to lose energy.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Draft the one-page process note for your next strategy update. Include at least one step in which members who are not on the board can influence the result. Bring the note to the breakout session and compare timelines with two other participants: where do your processes differ, and why?</p>",
                            ),
                            (
                                "self_check",
                                {
                                    "question": "What is the main purpose of agreeing the strategy process with the board before starting?",
                                    "options": [
                                        {
                                            "text": "To let the board write the strategy instead of the manager",
                                            "correct": False,
                                        },
                                        {
                                            "text": "To set expectations about roles, timeline and the point at which choices are made",
                                            "correct": True,
                                        },
                                        {
                                            "text": "To avoid consulting members, which slows things down",
                                            "correct": False,
                                        },
                                    ],
                                    "explanation": "An agreed process clarifies who contributes, who decides and when. It prevents both the strategy nobody owns and the consultation that never ends.",
                                    "required": True,
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "analysing-your-cluster-position",
                        "title": "Analysing your cluster's position",
                        "minutes": 30,
                        "skills": [
                            "member-needs-analysis",
                            "trend-analysis",
                            "benchmarking-excellence-labels",
                        ],
                        "tags": ["analysis"],
                        "body": [
                            ("heading", "What the analysis covers"),
                            (
                                "paragraph",
                                "<p>The position analysis brings together what you know about the inside of the cluster organisation (team, services, finances, governance, member base) and about its environment (member needs, market and technology trends, policy, other intermediaries and comparable clusters). The classic summary is a SWOT: strengths and weaknesses inside, opportunities and threats outside.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Strategic choices are only as good as the picture they are based on. Cluster managers know their cluster well, but that knowledge is often partial: it reflects the members they meet most and the issues that were urgent recently. A structured analysis corrects for this, and a written summary gives the strategy group a shared starting point.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ol><li>Gather evidence first: the results of your member-needs analysis, membership development, service use, income by source and feedback from events.</li><li>Compare yourself with two or three clusters of similar size or sector, using public information or peer exchanges.</li><li>Add the outside view: trends and policy changes that affect members.</li><li>Write the SWOT with the strategy group, and for each point note the evidence behind it.</li><li>Finish by connecting quadrants: which strengths let you seize which opportunities, and which weaknesses make you vulnerable to which threats?</li></ol>",
                            ),
                            ("material", "cluster-position-worksheet"),
                            (
                                "callout",
                                {
                                    "style": "warning",
                                    "text": "<p>A SWOT with twenty points in each box is a list, not an analysis. Keep the five that matter most and drop the rest.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Complete the position worksheet for your cluster, with no more than five points per quadrant and a note on the evidence for each. Then write two strategic questions that follow from the connections between quadrants, for example: how can we use our strong research members to help SMEs with the digital transition? These questions are your homework for the next session.</p>",
                            ),
                        ],
                    },
                    {
                        "slug": "strategic-options-and-scenarios",
                        "title": "Strategic options and scenarios",
                        "minutes": 30,
                        "skills": ["trend-analysis", "vision-mission-goals"],
                        "tags": ["foresight", "scenarios"],
                        "body": [
                            ("heading", "What options and scenarios are"),
                            (
                                "paragraph",
                                "<p>Strategic options are alternative directions the cluster organisation could take, for example deepening services for existing members, widening the membership to a neighbouring value chain, or becoming a regional hub for the green transition. Scenarios are short, plausible stories about how the environment might develop. Testing options against scenarios shows which directions hold up under different futures.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Strategy groups often jump from analysis straight to a favourite answer. Comparing at least two or three real options makes the choice explicit and the reasoning easier to explain to members. Scenarios add humility: nobody knows how energy prices, technologies or policy will develop, but you can prepare for several possibilities rather than bet on one.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ul><li>From your strategic questions, formulate three distinct options. Each should be a coherent direction, not a list of activities.</li><li>Pick the two most uncertain and most important external factors from your trend analysis, such as the speed of digital adoption among members and the availability of public funding.</li><li>Combine their extremes into four simple scenarios and give each a memorable name.</li><li>For each option, ask how it would fare in each scenario: thrive, survive or struggle.</li><li>Prefer options that survive in most scenarios, and note the early signals that would tell you a scenario is becoming reality.</li></ul>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "note",
                                    "text": "<p>Scenarios are not forecasts. Their value lies in the discussion they provoke, not in guessing which one will come true.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Build a two-by-two scenario grid with your chosen factors and assess your three options in a small table. Write a short recommendation to your board: which option you propose, why, and which signals you will watch. Share it in the forum before the feedback session.</p>",
                            ),
                        ],
                    },
                    {
                        "slug": "involving-the-board-and-members",
                        "title": "Involving the board and members",
                        "minutes": 25,
                        "skills": ["governance-bodies", "member-composition", "facilitation"],
                        "tags": ["governance"],
                        "body": [
                            ("heading", "What involvement means"),
                            (
                                "paragraph",
                                "<p>Involvement ranges from informing (members hear about the strategy once it is done) through consulting (members comment on drafts) to co-creating (members shape options and choices in workshops). The board has a formal role: it mandates the process and approves the result. Good processes use different levels of involvement for different groups and steps.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Members support what they helped create. A strategy that companies, research institutions and public partners recognise as theirs is easier to implement, because they bring their own time and resources to it. Involvement also improves quality: members see market changes before the cluster team does. At the same time, too much consultation can frustrate members if their input visibly disappears.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ol><li>For each step of your process, decide who is informed, consulted or involved in co-creation.</li><li>Make sure each part of the triple helix is represented where choices are prepared, not only where they are approved.</li><li>Use short, focused formats: a ninety-minute workshop on options, a five-question online consultation on the draft goals.</li><li>Report back: tell members what you heard and what changed as a result.</li><li>Present the final strategy to the board with a summary of the consultation.</li></ol>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "tip",
                                    "text": "<p>Give the board a real choice between options rather than a single draft to approve. Boards that choose take ownership.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Add an involvement plan to your process note: a simple table with the process steps as rows and the groups (board, companies, research and education, public partners, staff) as columns, marking inform, consult or co-create in each cell. Check that no group appears only in the inform column, and plan one concrete feedback message to members.</p>",
                            ),
                        ],
                    },
                ],
            },
            {
                "slug": "cluster-business-models",
                "title": "Cluster business models",
                "delivery": "online",
                "level": "intermediate",
                "estimated_hours": 4,
                "modules_in_order": False,
                "summary": "Typical business models of cluster organisations, how to design value propositions for different member segments, and how to turn project-funded activities into services that last after the project ends.",
                "outcomes": [
                    "Recognise common business model patterns of cluster organisations and their trade-offs.",
                    "Write a distinct value proposition for each member segment.",
                    "Plan how a project-funded activity can continue as a sustainable service.",
                ],
                "skills": [
                    "business-model-canvas",
                    "fees-revenue-mix",
                    "project-development",
                    "service-portfolio-design",
                ],
                "tags": ["business model", "financing"],
                "modules": [
                    {
                        "slug": "business-model-patterns",
                        "title": "Business model patterns of cluster organisations",
                        "minutes": 30,
                        "skills": ["business-model-canvas", "fees-revenue-mix"],
                        "tags": ["business model"],
                        "body": [
                            ("heading", "What the patterns are"),
                            (
                                "paragraph",
                                "<p>Cluster organisations differ widely, but a few patterns recur. In the <b>publicly anchored</b> pattern, core funding from a regional or national authority pays for the team and members pay modest fees. In the <b>member-driven</b> pattern, fees and paid services from members carry most of the cost. In the <b>project-driven</b> pattern, the team is financed largely through collaborative projects. Many clusters are <b>hybrids</b> that move between these patterns over time.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Each pattern has typical strengths and risks. Publicly anchored clusters can plan long-term and serve small firms cheaply, but depend on political priorities. Member-driven clusters are close to their members but may struggle to invest in new, uncertain themes. Project-driven clusters can be innovative and international but risk following calls rather than members. Knowing your pattern helps you anticipate its risks and choose deliberately where to move.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ul><li>Look at your income over the last few years and decide which pattern describes you best today.</li><li>List the typical risks of that pattern and check which you already experience.</li><li>Decide which pattern, or which hybrid, fits your strategy for the coming years.</li><li>Identify the two or three changes to segments, services or revenue that would move you in that direction.</li></ul>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "note",
                                    "text": "<p>No pattern is best in general. What matters is that the model fits the strategy, the legal form and the expectations of members and funders.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Place your cluster on a triangle whose corners are public, member and project funding. Mark where you are today and where you want to be in five years. In the breakout room, compare your position with others and discuss one cluster whose journey you find instructive. Note one risk of your target position and how you would manage it.</p>",
                            ),
                            (
                                "self_check",
                                {
                                    "question": "Which risk is most typical of a project-driven cluster business model?",
                                    "options": [
                                        {
                                            "text": "The team follows funding calls rather than member needs",
                                            "correct": True,
                                        },
                                        {
                                            "text": "Members pay too much in membership fees",
                                            "correct": False,
                                        },
                                        {
                                            "text": "The cluster cannot take part in international cooperation",
                                            "correct": False,
                                        },
                                    ],
                                    "explanation": "When most income comes from projects, the choice of activities tends to follow the calls that are open. Strong strategic goals help filter which projects to pursue.",
                                    "required": False,
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "value-propositions-per-segment",
                        "title": "Value propositions for each member segment",
                        "minutes": 30,
                        "skills": [
                            "business-model-canvas",
                            "service-portfolio-design",
                            "member-needs-analysis",
                        ],
                        "tags": ["business model", "members"],
                        "body": [
                            ("heading", "What a value proposition is"),
                            (
                                "paragraph",
                                "<p>A value proposition states what a specific segment gains from the cluster: which of their jobs it helps with, which pains it relieves and which gains it creates. Clusters serve several segments at once, such as start-ups, established SMEs, large companies, research organisations and public bodies, and each joins for different reasons.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>A single generic proposition, such as networking and visibility, speaks to nobody in particular. Large companies may want access to start-ups and research; SMEs may want partners, skills and help with funding; universities may want industrial partners and impact for their research. If the proposition for a segment is weak, members of that segment become passive and eventually leave. Segment-specific propositions also make fee tiers and service packages easier to justify.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ol><li>Choose your three most important segments.</li><li>For each, list their main jobs, pains and desired gains, using your needs analysis rather than assumptions.</li><li>Match existing services to these and note where the fit is weak.</li><li>Write a one-sentence proposition per segment: <i>for [segment] who want [job], the cluster offers [what], unlike [alternative]</i>.</li><li>Test each sentence with two members of the segment.</li></ol>",
                            ),
                            ("material", "value-proposition-segments-worksheet"),
                            (
                                "callout",
                                {
                                    "style": "tip",
                                    "text": "<p>The unlike part is important. Members compare you with chambers, associations, consultants and doing nothing; name the alternative you are better than.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Complete the worksheet for your three main segments and write the proposition sentences. Then pick the segment with the weakest fit and sketch one service that would strengthen it. Present your sentences to a peer, who should say which one they would believe as a member. Where the answer is none, go back to the pains and gains you listed and ask which one matters most to that segment.</p>",
                            ),
                        ],
                    },
                    {
                        "slug": "from-projects-to-lasting-services",
                        "title": "From projects to lasting services",
                        "minutes": 30,
                        "skills": [
                            "project-development",
                            "fees-revenue-mix",
                            "service-portfolio-design",
                        ],
                        "tags": ["financing", "services"],
                        "body": [
                            ("heading", "What the challenge is"),
                            (
                                "paragraph",
                                "<p>Many cluster services begin in publicly funded projects: a training programme, a matchmaking platform, an internationalisation scheme. When the project ends, the funding stops and the service often disappears, even if members valued it. Planning for continuation, sometimes called exploitation or sustainability planning, means deciding early which results should live on and how they will be paid for.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Services that appear and vanish with projects confuse members and waste the investment made in them. A cluster that consistently turns project results into stable services builds a stronger portfolio and a more credible profile with funders, who increasingly ask how results will be sustained.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ul><li>At proposal stage, identify which outputs could become member services and write this into the proposal.</li><li>During the project, involve paying members as early users and collect evidence of value.</li><li>Halfway through, test willingness to pay: would members pay a fee, and how much?</li><li>Before the end, decide: integrate into membership, offer as a paid service, hand over to a partner, or stop.</li><li>Budget the transition, including staff time after the project ends.</li></ul>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "warning",
                                    "text": "<p>A service that nobody would pay for, even at a reduced price, may not be worth continuing. Letting it end is a legitimate decision.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Choose a current or recent project in your cluster. List its outputs and, for each, decide which of the four paths it should follow after the project ends. For the most promising output, write a half-page continuation plan: target members, price or funding, owner and first step. Share it with a peer who runs a similar cluster and ask what they would do differently.</p>",
                            ),
                        ],
                    },
                ],
            },
            {
                "slug": "member-engagement-and-new-services",
                "title": "Member engagement and new services",
                "delivery": "on_site",
                "level": "intermediate",
                "estimated_hours": 6,
                "modules_in_order": False,
                "summary": "The two challenges at the heart of the Turin edition: getting members actively involved and developing innovative services for them. Sessions combine a case, a look at why members disengage, a service design sprint and ways to measure engagement.",
                "outcomes": [
                    "Describe levels of member engagement and what moves members between them.",
                    "Identify the causes of disengagement in your own membership.",
                    "Develop a new service idea with members in a short design sprint.",
                    "Measure engagement and satisfaction with a small set of indicators and a survey.",
                ],
                "skills": [
                    "engagement-retention",
                    "service-portfolio-design",
                    "community-building",
                    "member-satisfaction-surveys",
                ],
                "tags": ["engagement", "services"],
                "modules": [
                    {
                        "slug": "the-engagement-ladder",
                        "title": "The engagement ladder",
                        "minutes": 30,
                        "skills": ["engagement-retention", "community-building"],
                        "tags": ["engagement"],
                        "body": [
                            ("heading", "What the engagement ladder is"),
                            (
                                "paragraph",
                                "<p>The engagement ladder describes the steps a member can take in the life of the cluster: <b>aware</b> (reads the newsletter), <b>participating</b> (attends events), <b>contributing</b> (presents, hosts, joins a working group), <b>collaborating</b> (takes part in joint projects) and <b>leading</b> (chairs a group, sits on the board, champions the cluster). Every cluster has members on each rung.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>The value of a cluster comes from the interaction between members, so a membership that stays on the lowest rungs produces little value and is likely to shrink. Thinking in terms of a ladder helps you design a next step for each group rather than inviting everyone to everything. It also reminds you that leaders need to be developed; they rarely appear by themselves.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ul><li>Sort your members onto the rungs, using attendance, project participation and roles as evidence.</li><li>For each rung, define one small, attractive next step: a first visit to a member's site, a speaking slot, a seat in a working group.</li><li>Invite personally. A call from the manager or a peer moves people more than a mass mailing.</li><li>Recognise contributions publicly, so that climbing the ladder brings visibility.</li></ul>",
                            ),
                            ("material", "case-study-engagement-turnaround"),
                            (
                                "callout",
                                {
                                    "style": "tip",
                                    "text": "<p>Ask members on the top rungs to invite one member from a lower rung to their next activity. Peer invitations are among the strongest engagement tools a cluster has.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Read the case study and note which steps the fictional cluster used to move members up the ladder. Then draw the ladder for your own cluster and estimate roughly how your members are spread across the rungs. Pick five members on the lowest rung and plan a personal next-step invitation for each. Discuss your plan with your table.</p>",
                            ),
                        ],
                    },
                    {
                        "slug": "understanding-disengagement",
                        "title": "Understanding why members disengage",
                        "minutes": 25,
                        "skills": ["engagement-retention", "member-needs-analysis"],
                        "tags": ["engagement", "members"],
                        "body": [
                            ("heading", "What disengagement looks like"),
                            (
                                "paragraph",
                                "<p>Disengagement rarely begins with a resignation letter. It shows as unopened newsletters, declined invitations, late fee payments and a contact person who has left the company without a successor. By the time a member resigns, the decision was usually made months earlier.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Keeping a member is usually easier than recruiting a new one, and departures can be contagious when respected members leave. Understanding the causes helps you fix what can be fixed: a poor fit between services and needs, a lost personal contact, a change of ownership or strategy at the member, or simply not knowing what the cluster offers. Some causes cannot be fixed, and knowing this is useful too.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ol><li>Define a few warning signals you can observe, such as no activity for six months or a changed contact person.</li><li>Check the member list against these signals every quarter.</li><li>Call members who show several signals; ask about their business first, then about the cluster.</li><li>Hold a short exit conversation with every member who leaves, and record the reasons in a consistent way.</li><li>Review the reasons once a year with the board.</li></ol>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "note",
                                    "text": "<p>Many members who show warning signals simply have a new contact person who has never heard of the cluster. Onboarding contacts, not just companies, solves a surprising share of disengagement.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Define three warning signals that you can check with data you already have. Apply them to your member list and count how many members show at least two. Choose three of them and prepare the call: what you know about their business, what you will ask, and one offer that might fit.</p>",
                            ),
                        ],
                    },
                    {
                        "slug": "new-service-design-sprint",
                        "title": "A design sprint for new services",
                        "minutes": 40,
                        "skills": [
                            "service-portfolio-design",
                            "innovation-scouting",
                            "facilitation",
                        ],
                        "tags": ["services", "design thinking"],
                        "body": [
                            ("heading", "What a design sprint is"),
                            (
                                "paragraph",
                                "<p>A service design sprint is a compressed, structured process in which a small team, ideally including members, moves from a challenge to a tested service idea in one or two days. It follows a rhythm of understanding the challenge, generating ideas, choosing one, building a simple prototype (a flyer, a storyboard, a mock-up agenda) and testing it with real members.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Innovative services rarely come from the cluster office alone. A sprint brings member perspectives in at the start and forces quick decisions, so ideas do not wait months for a perfect concept. Because members help build the idea, they are also more willing to try it. For cluster managers the sprint is a facilitation format worth mastering: it can be reused with members for their own innovation challenges.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ul><li><b>Frame</b> the challenge as a question: how might we help young companies in our cluster find their first industrial customer?</li><li><b>Understand</b>: short interviews or a member panel describe the problem in their words.</li><li><b>Diverge</b>: everyone sketches ideas alone before discussing them.</li><li><b>Decide</b>: vote, then the decision maker chooses.</li><li><b>Prototype</b> something a member can react to within an hour.</li><li><b>Test</b> with three to five members and record what they say and do.</li></ul>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "tip",
                                    "text": "<p>Working alone before discussing in groups produces more varied ideas and gives quieter participants a fair chance.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>In mixed teams, run a condensed sprint on one engagement challenge chosen from the participants' action plans. You have ninety minutes; the facilitators keep time. At the end, present your prototype and what the test with participants playing members taught you.</p>",
                            ),
                            (
                                "self_check",
                                {
                                    "question": "Why do participants sketch ideas individually before discussing them in a design sprint?",
                                    "options": [
                                        {
                                            "text": "To save time on group discussion",
                                            "correct": False,
                                        },
                                        {
                                            "text": "To produce more varied ideas and give quieter participants an equal voice",
                                            "correct": True,
                                        },
                                        {
                                            "text": "Because group work is not allowed in a sprint",
                                            "correct": False,
                                        },
                                        {
                                            "text": "So that the facilitator can choose the best idea alone",
                                            "correct": False,
                                        },
                                    ],
                                    "explanation": "Working alone first prevents early convergence on the ideas of the most vocal people and brings a broader range of ideas into the discussion.",
                                    "required": True,
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "measuring-engagement",
                        "title": "Measuring engagement and satisfaction",
                        "minutes": 25,
                        "skills": [
                            "member-satisfaction-surveys",
                            "kpis-impact",
                            "engagement-retention",
                        ],
                        "tags": ["survey", "kpis"],
                        "body": [
                            ("heading", "What to measure"),
                            (
                                "paragraph",
                                "<p>Engagement can be measured through behaviour and through opinion. Behavioural indicators come from your own records: share of members who attended at least one activity, members in working groups or projects, retention rate. Opinion comes from a member survey: satisfaction with services, likelihood of recommending the cluster, and the importance of each service to the member.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Without measurement, engagement discussions rely on impressions, and impressions are shaped by the members you see most often. A small, stable set of indicators lets you see trends from year to year, show the board the effect of new engagement actions and spot segments that drift away. Asking for importance as well as satisfaction tells you where improvement matters most.</p><p>Measurement should stay light. Members are asked to fill in many surveys, and the cluster team has limited time to analyse data. A handful of indicators that are collected reliably every year is more useful than an ambitious dashboard that is abandoned after the first round.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ol><li>Choose three behavioural indicators you can calculate from existing data.</li><li>Run a short annual survey, ten to fifteen questions, at the same time each year.</li><li>For each service, ask both satisfaction and importance, and plot them against each other.</li><li>Share the results with members, together with what you will change.</li><li>Track the same questions over several years before changing them.</li></ol>",
                            ),
                            ("material", "member-survey-template"),
                            (
                                "callout",
                                {
                                    "style": "warning",
                                    "text": "<p>Low response rates usually mean members doubt that anything will change. Reporting back on last year's results is the best way to raise participation.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Adapt the survey template to your cluster: remove questions you cannot act on and add your own services to the satisfaction and importance grid. Define your three behavioural indicators and note where the data comes from. Add both to your strategic action plan as indicators for your engagement goal.</p>",
                            ),
                        ],
                    },
                ],
            },
            {
                "slug": "trends-and-sustainability",
                "title": "Trends and sustainability",
                "delivery": "on_site",
                "level": "advanced",
                "estimated_hours": 5,
                "modules_in_order": True,
                "summary": "How to scan and assess trends with members, including the trend-assessment tool piloted in Turin, and how to turn sustainability and resilience into concrete themes for cluster services.",
                "outcomes": [
                    "Organise a structured trend scan across technology, markets, policy and society.",
                    "Assess trends with members for relevance and urgency using a simple tool.",
                    "Translate the green transition into service themes that fit your members.",
                    "Help members identify and reduce vulnerabilities in their value chains.",
                ],
                "skills": [
                    "trend-analysis",
                    "green-circular-support",
                    "resilience-supply-chains",
                    "digital-industry-4-0",
                ],
                "tags": ["trends", "twin transition"],
                "modules": [
                    {
                        "slug": "scanning-for-trends",
                        "title": "Scanning for trends",
                        "minutes": 30,
                        "skills": ["trend-analysis", "innovation-scouting"],
                        "tags": ["trends", "foresight"],
                        "body": [
                            ("heading", "What a trend scan is"),
                            (
                                "paragraph",
                                "<p>A trend scan is a systematic look at developments outside the cluster that could change members' businesses over the coming years. A common structure is to look at four fields: <b>technology</b> (for example automation, data, new materials), <b>markets</b> (customer expectations, competition, supply), <b>policy and regulation</b> (the green and digital transitions, product rules, funding priorities) and <b>society</b> (skills, demographics, values).</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>SMEs are usually absorbed by daily business and have little capacity to look ahead. A cluster that scans trends on their behalf, and helps them interpret what the trends mean, offers a service that few members can organise alone. Trend work also feeds the cluster's own strategy: it shows which new themes, partners and competences will be needed.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ul><li>Collect signals continuously: conference notes, member conversations, research partners, policy documents, trade press.</li><li>Keep them in one shared list, each with a short description and source.</li><li>Twice a year, group related signals into trends and write a short description of each.</li><li>Involve research members and a few companies from different parts of the value chain in interpreting them.</li><li>Pass the most relevant trends on to the assessment step described in the next module.</li></ul>",
                            ),
                            ("material", "trend-assessment-tool"),
                            (
                                "callout",
                                {
                                    "style": "note",
                                    "text": "<p>A signal is a single observation, such as a new regulation being discussed or a customer asking for a new certificate. A trend is a pattern of signals pointing in the same direction.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Before the pilot session, list ten signals you have noticed in the last six months that could matter for your members, at least two in each of the four fields. Group them into three to five trends and give each a short, neutral name. Bring the list to the session; you will assess it with the trend-assessment tool.</p>",
                            ),
                        ],
                    },
                    {
                        "slug": "piloting-the-trend-assessment-tool",
                        "title": "Piloting the trend-assessment tool",
                        "minutes": 35,
                        "skills": ["trend-analysis", "facilitation"],
                        "tags": ["trends", "pilot"],
                        "body": [
                            ("heading", "What the tool does"),
                            (
                                "paragraph",
                                "<p>The trend-assessment tool helps a group judge each trend on two dimensions: <b>impact</b> on members' business (from marginal to transformative) and <b>time</b> until it matters (now, within three years, later). For the trends that score high, the group then asks what members would need to respond and what the cluster could offer. The result is a map of trends and a short list of service ideas.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Trend lists quickly become long and abstract. An assessment with members turns them into priorities and makes sure the judgement reflects their reality rather than the cluster team's enthusiasm. Participants in Turin piloted such a tool on their own clusters' trends; using it with your members builds a shared view of the future, which is a good basis for strategy discussions.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ol><li>Prepare one card per trend with a short description and two or three example signals.</li><li>Invite a mixed group of eight to fifteen members.</li><li>Let everyone score each trend individually on impact and time, then show the spread of scores.</li><li>Discuss the trends where scores differ most; disagreement is where learning happens.</li><li>Place the trends on the map and, for the top three, collect what members need and what the cluster could do.</li></ol>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "tip",
                                    "text": "<p>Repeat the assessment every year with the same tool. Comparing maps shows how members' perception changes and whether your services followed.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>In groups of four, assess the trends each of you brought, using the tool. Each person facilitates the discussion of their own trends. Afterwards, note one thing you would change in the tool or the facilitation when you use it at home, and add a trend assessment session with members to your action plan.</p>",
                            ),
                            (
                                "self_check",
                                {
                                    "question": "In a trend assessment with members, what should you do with trends on which scores differ widely?",
                                    "options": [
                                        {
                                            "text": "Take the average score and move on",
                                            "correct": False,
                                        },
                                        {
                                            "text": "Remove them from the list because members cannot agree",
                                            "correct": False,
                                        },
                                        {
                                            "text": "Discuss them: the disagreement reveals different perspectives worth understanding",
                                            "correct": True,
                                        },
                                    ],
                                    "explanation": "Wide disagreement often means that members see the trend from different positions in the value chain. Discussing it is where the group learns most.",
                                    "required": False,
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "sustainability-as-a-service-theme",
                        "title": "Sustainability as a service theme",
                        "minutes": 30,
                        "skills": [
                            "green-circular-support",
                            "service-portfolio-design",
                            "member-upskilling",
                        ],
                        "tags": ["sustainability", "services"],
                        "body": [
                            ("heading", "What sustainability services are"),
                            (
                                "paragraph",
                                "<p>Sustainability services help members reduce their environmental impact and benefit from the green transition. They range from awareness (events on new regulation, peer visits), to diagnosis (energy or resource-efficiency checks, carbon footprint basics), to implementation (matchmaking with solution providers, joint projects, circular business models) and skills (training for staff).</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>The green transition is one of the EU's central policy priorities, and customers, investors and regulators increasingly ask companies about their environmental performance. Large companies have specialists; SMEs often do not know where to start. A cluster can lower the threshold by translating requirements into the language of its sector and connecting members with expertise. Cluster management excellence assessments have also covered green topics since 2019.</p><p>Sustainability is also a chance to involve members who were so far passive. Companies that see little value in general networking may join a focused group on a concrete question, such as new packaging rules or energy costs, because the benefit is immediate.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ul><li>Start from the trend assessment: which green trends scored highest for your members?</li><li>Map existing offers in your region, such as energy agencies, technology centres and universities, to avoid duplicating them.</li><li>Design a pathway from awareness to implementation so members can start where they are.</li><li>Use members who have already made progress as peer examples.</li><li>Link the theme to funding opportunities that support green investments in SMEs.</li></ul>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "warning",
                                    "text": "<p>Avoid unsupported green claims in your own communication. Describe what members actually did, not general ambitions.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Draw a four-step pathway (awareness, diagnosis, implementation, skills) for your cluster. Fill each step with existing services, from the cluster or from partners, and mark the gaps. Choose one gap and describe a service that could close it, including which partner you would involve.</p>",
                            ),
                        ],
                    },
                    {
                        "slug": "resilient-value-chains",
                        "title": "Resilient value chains",
                        "minutes": 25,
                        "skills": [
                            "resilience-supply-chains",
                            "value-chain-partnerships",
                            "digital-industry-4-0",
                        ],
                        "tags": ["resilience", "supply chains"],
                        "body": [
                            ("heading", "What resilience means for a cluster"),
                            (
                                "paragraph",
                                "<p>Resilience is the ability of members and their value chains to absorb disruption, such as a supplier failure, a sudden shortage of a component or a transport problem, and to recover quickly. Clusters contribute by helping members understand their dependencies, by connecting them with alternative suppliers and partners, and by organising joint responses when disruption hits.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Recent years have shown how quickly disruptions spread through European value chains. Resilience is now a priority of EU industrial policy alongside the green and digital transitions. Clusters know who makes what in their region and have contacts in other countries, which makes them well placed to help members find alternatives and to build cross-border partnerships before they are urgently needed.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ol><li>Run a workshop in which members map their critical inputs and where they come from.</li><li>Identify shared dependencies: inputs that several members rely on from the same few sources.</li><li>Build a competence map of members and partner clusters that could supply or substitute those inputs.</li><li>Use digital tools, such as a shared capabilities database, to make the map easy to search.</li><li>Agree in advance how the cluster will communicate and coordinate during a disruption.</li></ol>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "note",
                                    "text": "<p>Supply-chain information is sensitive. Agree clear confidentiality rules before members share it, and aggregate wherever possible.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Sketch the main value chain your members belong to, from raw materials to end customers. Mark the steps where members depend on a small number of sources outside the region. Identify one partner cluster in another country that covers such a step, and add a first contact with it to your action plan.</p>",
                            ),
                        ],
                    },
                ],
            },
        ],
    },
    {
        "number": 3,
        "slug": "sofia-2024",
        "title": "3rd Cluster Booster Academy: Sofia",
        "host_city": "Sofia",
        "host_organisation": "",
        "online_start": date(2024, 1, 23),
        "online_end": date(2024, 1, 25),
        "onsite_start": date(2024, 3, 11),
        "onsite_end": date(2024, 3, 12),
        "participants": 45,
        "countries": None,
        "participants_note": "45 participants; the first edition open to cluster staff as well as cluster managers",
        "format": "Hybrid: three days of online sessions on 23-25 January 2024, followed by two days on site in Sofia on 11-12 March 2024.",
        "intro": (
            "<p>The third Cluster Booster Academy was the largest so far, with 45 participants, and the first "
            "edition open to cluster staff as well as cluster managers.</p>"
            "<p>Its online part ran over three days, from 23 to 25 January 2024. It covered cluster strategy, "
            "member needs, goals and trends, and the internationalisation of clusters and their members. "
            "Topics across the edition included the role of cluster organisations, cluster management, new "
            "innovation services and securing EU funding.</p>"
            "<p>The on-site part took place in Sofia on 11 and 12 March 2024, with sessions on greener business, "
            "networking and launching projects. As in earlier editions, lectures with interaction alternated "
            "with team work on case studies and exercises, and participants worked on their own strategic "
            "action plans with coaching.</p>"
        ),
        "courses": [
            {
                "slug": "evaluating-your-strategy",
                "title": "Evaluating your strategy",
                "delivery": "online",
                "level": "intermediate",
                "estimated_hours": 4,
                "modules_in_order": True,
                "summary": "How to check whether your cluster strategy works: clarifying the role of the cluster organisation, linking goals to indicators, revisiting member needs and using cluster management excellence criteria as a mirror for improvement.",
                "outcomes": [
                    "Describe the role your cluster organisation plays for members and the region.",
                    "Build an indicator chain from activities to outputs, results and impact.",
                    "Use member feedback to test whether the strategy still matches member needs.",
                    "Assess your cluster organisation against the areas used in cluster management excellence assessments.",
                ],
                "skills": [
                    "kpis-impact",
                    "member-satisfaction-surveys",
                    "self-assessment-improvement",
                    "benchmarking-excellence-labels",
                ],
                "tags": ["evaluation", "excellence"],
                "modules": [
                    {
                        "slug": "the-role-of-the-cluster-organisation",
                        "title": "The role of the cluster organisation",
                        "minutes": 25,
                        "skills": ["vision-mission-goals", "governance-bodies"],
                        "tags": ["role of clusters"],
                        "body": [
                            ("heading", "What the role is"),
                            (
                                "paragraph",
                                "<p>A cluster is a group of companies, research and education institutions and public bodies that are connected through a sector, a technology or a value chain in a region. The cluster organisation is the team and legal body that manages it. Its roles typically include <b>connector</b> (bringing actors together), <b>service provider</b> (offering support members could not organise alone), <b>voice</b> (representing the cluster to policy makers and the public), <b>catalyst</b> (launching joint projects) and <b>bridge</b> to other regions and countries.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>You cannot evaluate a strategy without being clear about what the cluster organisation is responsible for. Members' growth depends on many factors that no cluster controls. Being explicit about your roles lets you choose indicators for what you actually influence, and helps members, staff and funders hold realistic expectations. For cluster staff joining the academy for the first time, understanding these roles is also the best introduction to the job.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ul><li>Rank the five roles by how much of your team's time each takes today.</li><li>Rank them again by how important members consider them, using your needs analysis or a quick poll.</li><li>Compare the two rankings and discuss the gaps with your team.</li><li>Write one sentence per role describing what success would look like in three years.</li></ul>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "note",
                                    "text": "<p>Different roles need different indicators. A connector is judged by new relationships, a catalyst by projects launched, a voice by influence on decisions.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Complete the two rankings with at least one colleague or board member. Post a short reflection in the forum: which role is most underdeveloped compared with its importance to members, and what would change if you gave it more attention? Read two other reflections and comment on one.</p>",
                            ),
                        ],
                    },
                    {
                        "slug": "from-goals-to-kpis",
                        "title": "From goals to KPIs",
                        "minutes": 30,
                        "skills": ["kpis-impact", "vision-mission-goals"],
                        "tags": ["kpis"],
                        "body": [
                            ("heading", "What an indicator chain is"),
                            (
                                "paragraph",
                                "<p>An indicator chain links what the cluster does to what it hopes to change. <b>Activities</b> are what the team does, such as organising matchmaking events. <b>Outputs</b> are the direct products, such as meetings held between members. <b>Results</b> are changes among members, such as partnerships formed. <b>Impact</b> is the longer-term effect, such as new products or stronger competitiveness. Key performance indicators (KPIs) are the few measures you choose to follow along this chain.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Clusters often report what is easiest to count: events, participants, newsletters. These activity and output figures say little about whether the strategy works. Funders and boards increasingly ask for results, and cluster management excellence assessments look at how a cluster tracks its achievements. A clear chain helps you tell a credible story about your contribution without claiming credit for everything members achieve.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ol><li>For each strategic goal, write the chain: activity, output, result, impact.</li><li>Choose one or two KPIs per goal, at least one of them at result level.</li><li>For each KPI, define the data source, who collects it and how often.</li><li>Set a baseline from current data before setting targets.</li><li>Review the KPIs with the board each year and retire those that no longer help decisions.</li></ol>",
                            ),
                            ("material", "strategy-kpi-worksheet"),
                            (
                                "callout",
                                {
                                    "style": "tip",
                                    "text": "<p>Result indicators can often be collected with one follow-up question a few months after an activity: did anything come out of the contacts you made?</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Use the worksheet to build the indicator chain for two of your strategic goals and choose KPIs. Bring the worksheet to the feedback session, where a peer will check whether each KPI is measurable with data you can realistically collect.</p>",
                            ),
                            (
                                "self_check",
                                {
                                    "question": "A cluster counts the number of partnerships formed after its matchmaking events. At which level of the indicator chain is this measure?",
                                    "options": [
                                        {"text": "Activity", "correct": False},
                                        {"text": "Output", "correct": False},
                                        {"text": "Result", "correct": True},
                                        {"text": "Impact", "correct": False},
                                    ],
                                    "explanation": "Partnerships formed are a change among members that follows from the cluster's work, which is a result. The events are activities, meetings held are outputs, and effects such as new products are impact.",
                                    "required": True,
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "revisiting-member-needs",
                        "title": "Revisiting member needs",
                        "minutes": 25,
                        "skills": ["member-needs-analysis", "member-satisfaction-surveys"],
                        "tags": ["members", "survey"],
                        "body": [
                            ("heading", "What revisiting means"),
                            (
                                "paragraph",
                                "<p>Member needs change: companies grow or are sold, markets shift, new members join with different expectations, and the green and digital transitions create needs that did not exist when the strategy was written. Revisiting member needs means checking, at regular intervals, whether the assumptions behind your strategy still hold.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>A strategy built on needs from several years ago can be executed perfectly and still miss the point. Regular checks let you adjust priorities before members vote with their feet. They also show members that the cluster listens, which in itself strengthens engagement. When the third edition opened the academy to cluster staff, it also created an opportunity: staff who deliver services every day often hear about changing needs first, so involve them in the review.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ul><li>Add two or three needs questions to your annual member survey, such as: what are your biggest challenges for the next two years?</li><li>Hold a small number of interviews each year with new members and with members who have become less active.</li><li>Compare the answers with the need themes behind your strategic goals: which are confirmed, which have weakened, which are new?</li><li>Discuss the comparison with the board as part of the annual strategy review.</li><li>Adjust actions first; change goals only if the evidence is strong.</li></ul>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "warning",
                                    "text": "<p>Do not confuse satisfaction with need. Members can be very satisfied with a service that no longer addresses their most important challenge.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>List the need themes on which your current strategy is based. For each, write what evidence you have from the last twelve months that it is still relevant. Mark themes with no recent evidence and plan how you will check them before your next strategy review, for example through three interviews or a survey question.</p>",
                            ),
                        ],
                    },
                    {
                        "slug": "excellence-assessment-as-a-mirror",
                        "title": "Excellence assessment as a mirror",
                        "minutes": 30,
                        "skills": ["benchmarking-excellence-labels", "self-assessment-improvement"],
                        "tags": ["excellence", "eucles"],
                        "body": [
                            ("heading", "What cluster management excellence covers"),
                            (
                                "paragraph",
                                "<p>Cluster management excellence assessments, known for years as ESCA labels and now continued as EUCLES, look at a cluster organisation in six areas: the <b>structure of the cluster</b>; <b>management and governance</b>; <b>financing of cluster management</b>; <b>services</b>; <b>cooperation and interaction within the cluster</b>; and <b>achievements and recognition</b>. Since 2019 the assessment has also covered digital, green and social-economy topics.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Even if you do not plan to apply for a label soon, the assessment areas are a useful mirror. They summarise what the cluster community has learned about well-managed clusters, and they make it easy to spot blind spots. A structured self-assessment also prepares you for a formal assessment and gives you a language for comparing your cluster with peers.</p><p>The areas also connect with the rest of this course. Your strategy and its indicators feed the management area, your revenue mix the financing area, and your evidence of results the achievements area. Work done earlier in the academy therefore counts here too.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ol><li>Go through the six areas with your team and, where possible, a board member.</li><li>For each area, describe briefly how you work today and what evidence you could show an assessor.</li><li>Rate each area as strong, adequate or weak.</li><li>Pick the two weakest areas and decide one improvement action for each.</li><li>Repeat the self-assessment after a year and compare.</li></ol>",
                            ),
                            ("material", "excellence-self-assessment"),
                            (
                                "callout",
                                {
                                    "style": "note",
                                    "text": "<p>Evidence matters more than claims. If you cannot find a document, figure or example that supports a rating, lower the rating.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Complete the self-assessment questionnaire for your cluster organisation. Add the two improvement actions to your strategic action plan, each with an owner and a date. In the feedback session, exchange your results with a participant from a cluster of similar size and compare where your strengths and weaknesses differ.</p>",
                            ),
                        ],
                    },
                ],
            },
            {
                "slug": "internationalisation-and-digital-services",
                "title": "Internationalisation and digital services",
                "delivery": "online",
                "level": "intermediate",
                "estimated_hours": 4,
                "modules_in_order": False,
                "summary": "How to build an internationalisation strategy that members can actually use, choose partner regions and clusters, and offer digital services, including virtual matchmaking, that connect members across borders.",
                "outcomes": [
                    "Explain why and how a cluster organisation supports members' internationalisation.",
                    "Screen and prioritise partner regions and clusters with explicit criteria.",
                    "Decide which member services to offer digitally and how.",
                    "Plan and facilitate a virtual matchmaking session.",
                ],
                "skills": [
                    "internationalisation-strategy",
                    "value-chain-partnerships",
                    "digital-industry-4-0",
                    "facilitation",
                ],
                "tags": ["internationalisation", "digital"],
                "modules": [
                    {
                        "slug": "why-internationalise",
                        "title": "Why clusters internationalise",
                        "minutes": 25,
                        "skills": ["internationalisation-strategy", "policy-ecosystem-alignment"],
                        "tags": ["internationalisation"],
                        "body": [
                            ("heading", "What internationalisation means for a cluster"),
                            (
                                "paragraph",
                                "<p>Cluster internationalisation has two sides. The cluster organisation builds its own international relationships with other clusters, networks and programmes. Through these, it helps members find partners, customers, suppliers and knowledge abroad. An internationalisation strategy states which of these the cluster pursues, with whom and through which formats, such as delegations, partnering events, joint projects or long-term cluster partnerships.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Many SMEs lack the time, contacts and confidence to look for partners abroad alone. A cluster that already has trusted relationships with clusters in other countries can open doors much faster than a cold contact. European value chains cross borders, and EU policy encourages cooperation along the 14 industrial ecosystems. International work also brings fresh ideas back into the cluster.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ul><li>Start with members: which want to internationalise, in which direction (sales, supply, research, talent) and with what resources?</li><li>Distinguish members who are ready to act from those who first need awareness and preparation.</li><li>Define two or three objectives for the cluster's international activity, linked to your overall strategy.</li><li>Choose formats that fit members' readiness; a delegation is wasted on companies that cannot follow up.</li><li>Plan how contacts made abroad will be followed up at home.</li></ul>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "warning",
                                    "text": "<p>International trips that only the cluster manager attends are hard to justify to members. Build activities around concrete member interests.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Ask five members, by phone or a short poll, whether they are interested in international partners in the next two years, in which direction and for what purpose. Summarise the answers in a few lines and formulate two objectives for your cluster's internationalisation. Share them in the forum and compare with a participant from a different country.</p>",
                            ),
                        ],
                    },
                    {
                        "slug": "choosing-partner-regions-and-clusters",
                        "title": "Choosing partner regions and clusters",
                        "minutes": 30,
                        "skills": ["internationalisation-strategy", "value-chain-partnerships"],
                        "tags": ["internationalisation", "partnerships"],
                        "body": [
                            ("heading", "What partner screening is"),
                            (
                                "paragraph",
                                "<p>Partner screening is a structured comparison of possible partner regions or clusters against criteria that matter to your members: complementary competences in the value chain, market potential, existing contacts, language and cultural proximity, funding opportunities for joint activities, and the capacity of the partner cluster organisation.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>International partnerships often start by coincidence, through a conference encounter or a project call. Some of these turn out well, but many fade because the partner's members and yours have little to offer each other. Screening makes the choice deliberate and easier to explain to members and the board. It also helps you say no politely to partnership requests that do not fit.</p><p>Screening is not only about the region. The partner cluster organisation matters as much: a well-run cluster with an engaged team and a clear strategy will be a far better partner than a larger one that cannot follow up.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ol><li>List five to ten candidate regions or clusters, including those that approached you.</li><li>Agree on five or six criteria and weight them according to your objectives.</li><li>Score each candidate, using cluster directories, partner clusters' websites, your members' knowledge and conversations with the candidates.</li><li>Shortlist two or three partners and test interest with a first video call between cluster managers.</li><li>Agree on a small first joint activity before signing any formal agreement.</li></ol>",
                            ),
                            ("material", "partner-region-screening-worksheet"),
                            (
                                "callout",
                                {
                                    "style": "tip",
                                    "text": "<p>The European Cluster Collaboration Platform lists cluster organisations across Europe and beyond, and is a practical starting point for finding candidates.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Use the screening worksheet for at least five candidate partners. Agree on the criteria and weights with one colleague before scoring. Write a short note to your board recommending two partners, with a first joint activity for each, and post a summary in the forum.</p>",
                            ),
                        ],
                    },
                    {
                        "slug": "digital-services-for-members",
                        "title": "Digital services for members",
                        "minutes": 30,
                        "skills": [
                            "digital-industry-4-0",
                            "service-portfolio-design",
                            "member-upskilling",
                        ],
                        "tags": ["digital", "services"],
                        "body": [
                            ("heading", "What digital services are"),
                            (
                                "paragraph",
                                "<p>For a cluster, digital services has two meanings. First, services that help members with their own digital transition: awareness events on Industry 4.0 technologies, access to test facilities, digital maturity checks, training and matchmaking with technology providers. Second, the cluster's own services delivered digitally: online member directories, virtual events, webinars, collaboration spaces and online matchmaking.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>The digital transition is, with the green transition, one of the two central transitions in EU policy, and many SMEs need help to start. At the same time, digital delivery lets the cluster reach members who cannot travel to events and connect them with partners abroad at low cost. Cluster management excellence assessments have covered digital topics since 2019.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ul><li>Assess members' digital maturity with a short self-check and group members by stage.</li><li>Map regional support, such as digital innovation hubs, universities and technology centres, and decide where the cluster brokers rather than delivers.</li><li>Choose which of your own services gain most from digital delivery, and which depend on meeting in person.</li><li>Keep the technology simple: use tools members already have before buying a platform.</li><li>Train your team in online facilitation; a webinar is only as good as its moderation.</li></ul>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "note",
                                    "text": "<p>Digital does not replace trust built in person. Many clusters combine a few in-person meetings per year with regular online follow-ups.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>List your five most used services and decide for each: in person only, digital only, or hybrid. Then sketch one new service supporting members' digital transition, and name the regional partner you would involve. Discuss both lists with a peer in the breakout room.</p>",
                            ),
                            (
                                "self_check",
                                {
                                    "question": "A regional technology centre already offers digital maturity assessments to SMEs. What is usually the best role for the cluster?",
                                    "options": [
                                        {
                                            "text": "Develop its own competing assessment to keep members loyal",
                                            "correct": False,
                                        },
                                        {
                                            "text": "Broker access for members and help them act on the results",
                                            "correct": True,
                                        },
                                        {
                                            "text": "Ignore the topic, since someone else already covers it",
                                            "correct": False,
                                        },
                                    ],
                                    "explanation": "Duplicating a good existing offer wastes resources. The cluster adds value by bringing members to the offer, tailoring it to the sector and helping with follow-up such as matchmaking or training.",
                                    "required": False,
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "running-virtual-matchmaking",
                        "title": "Running virtual matchmaking",
                        "minutes": 25,
                        "skills": [
                            "facilitation",
                            "collaboration-facilitation",
                            "value-chain-partnerships",
                        ],
                        "tags": ["matchmaking", "virtual events"],
                        "body": [
                            ("heading", "What virtual matchmaking is"),
                            (
                                "paragraph",
                                "<p>Virtual matchmaking brings members together with potential partners, often from other regions or countries, in short pre-arranged online meetings. Participants publish a profile with what they offer and seek, request meetings with each other, and meet in scheduled slots, typically of twenty to thirty minutes. The cluster organises, curates and follows up.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Online formats lower the cost of a first contact across borders and make it easier for small companies to take part. They are a natural first step with a new partner cluster before investing in a physical delegation. But online meetings are easy to cancel and easy to forget, so results depend strongly on preparation and facilitation. The facilitator's job starts weeks before the event, with recruiting the right participants, and ends weeks after it, with checking on follow-up.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ol><li>Agree the theme and target groups with the partner cluster, so both sides bring matching participants.</li><li>Help members write specific profiles: what exactly they offer and what they look for.</li><li>Review requests and suggest matches where participants have missed obvious ones.</li><li>Open the day with a short plenary session so people see faces and understand the rules.</li><li>Send each pair a follow-up message within a week and ask what came out of the meeting.</li></ol>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "tip",
                                    "text": "<p>Curated matches, suggested by cluster managers who know both sides, often lead to more follow-up than self-selected ones. Combine both.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Plan a virtual matchmaking session with one of the partner clusters from your shortlist: theme, target groups on each side, format, dates and follow-up. Write a two-line invitation that would convince a busy SME owner to take part, and test it on a peer.</p>",
                            ),
                        ],
                    },
                ],
            },
            {
                "slug": "eu-funding-and-project-development",
                "title": "EU funding and project development",
                "delivery": "online",
                "level": "advanced",
                "estimated_hours": 5,
                "modules_in_order": True,
                "summary": "How to navigate EU and other public funding, turn member ideas into project concepts, build a consortium and write a proposal that serves the cluster's strategy rather than distracting from it.",
                "outcomes": [
                    "Find the funding instruments that fit a project idea and read a call critically.",
                    "Develop a member idea into a one-page project concept.",
                    "Build a balanced consortium with clear roles.",
                    "Organise proposal writing and plan for what happens after the decision.",
                ],
                "skills": [
                    "eu-public-funding",
                    "project-development",
                    "stakeholder-policy-relations",
                    "value-chain-partnerships",
                ],
                "tags": ["eu funding", "projects"],
                "modules": [
                    {
                        "slug": "the-eu-funding-landscape",
                        "title": "The EU funding landscape",
                        "minutes": 30,
                        "skills": ["eu-public-funding", "policy-ecosystem-alignment"],
                        "tags": ["eu funding"],
                        "body": [
                            ("heading", "What the landscape looks like"),
                            (
                                "paragraph",
                                "<p>Public funding relevant to clusters comes from several layers. <b>Regional and national programmes</b>, including cohesion policy funds managed by regional authorities, often finance cluster management and SME support directly. <b>EU programmes managed from Brussels</b> fund transnational cooperation: research and innovation (Horizon Europe), interregional cooperation (Interreg), SME and cluster support (the Single Market Programme), digital capacities (Digital Europe) and environment and climate action (LIFE), among others. Each has its own rules, partners and rhythm of calls.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Securing EU funding was one of the topics of the third edition, and for good reason. Funding can finance services and international activity that fees alone could not pay for. But the landscape is complex, programmes change between funding periods, and a badly chosen call can absorb months of work for a project that does not fit your strategy. Knowing the landscape lets you choose deliberately.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ul><li>Start from your strategic goals and list the kinds of projects that would advance them.</li><li>For each kind, identify the programmes that fund it and check their current work programmes and call calendars.</li><li>Talk to your regional managing authority and national contact points early; they know the calls and common pitfalls.</li><li>Read each call critically: expected outcomes, eligible partners, funding rate, duration and reporting burden.</li><li>Keep a simple pipeline of upcoming calls and decide quarterly which ones to pursue.</li></ul>",
                            ),
                            ("material", "eu-funding-reading-list"),
                            (
                                "callout",
                                {
                                    "style": "warning",
                                    "text": "<p>Programme names and rules change between funding periods. Always check the current official call documents rather than relying on last year's information.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Build a funding pipeline table for the next twelve months with at least four calls that match your strategic goals. For each, note the programme, deadline, type of partners required and your realistic role. Mark the one call you would prioritise and explain why in two sentences.</p>",
                            ),
                        ],
                    },
                    {
                        "slug": "from-member-idea-to-project-concept",
                        "title": "From member idea to project concept",
                        "minutes": 30,
                        "skills": ["project-development", "collaboration-facilitation"],
                        "tags": ["projects", "launching projects"],
                        "body": [
                            ("heading", "What a project concept is"),
                            (
                                "paragraph",
                                "<p>A project concept is a one- or two-page description of a project idea before it is matched to a specific call. It states the problem, the objectives, the expected results and who benefits, the main activities, the partners needed, a rough budget range and how the project links to the cluster's strategy. It is the tool for testing interest with members and partners.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Good projects start from a real problem shared by several members, not from a call text. Writing a concept first keeps the focus on members' needs, makes it easier to find the right call and gives potential partners something concrete to react to. A stock of concepts also lets the cluster react quickly when a suitable call opens, instead of starting from zero under deadline pressure.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ol><li>Collect ideas from working groups, member visits and trend assessments.</li><li>Select ideas that several members share and that fit a strategic goal.</li><li>Hold a short workshop with the interested members to sharpen the problem and expected results.</li><li>Write the concept in plain language, avoiding programme jargon at this stage.</li><li>Ask each interested member what they would contribute in time and, where relevant, co-financing.</li></ol>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "tip",
                                    "text": "<p>A concept that no member is willing to invest time in is a warning sign. Commitment at concept stage predicts commitment during the project.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Choose one idea that has come from your members in the past year and write a project concept on one page. Then add a short section explaining which strategic goal it serves and which indicators it would move. Exchange concepts with a peer and give each other feedback on clarity and member benefit.</p>",
                            ),
                        ],
                    },
                    {
                        "slug": "building-a-consortium",
                        "title": "Building a consortium",
                        "minutes": 30,
                        "skills": [
                            "value-chain-partnerships",
                            "project-development",
                            "stakeholder-policy-relations",
                        ],
                        "tags": ["projects", "partnerships"],
                        "body": [
                            ("heading", "What a good consortium looks like"),
                            (
                                "paragraph",
                                "<p>A consortium is the group of partners that prepares and carries out a project. A good one covers all competences the project needs, reflects the call's requirements on countries and partner types, and consists of partners who trust each other and have the capacity to deliver. Clusters often act as coordinators or as partners responsible for involving SMEs, communication and exploitation of results.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Many proposals fail because of the consortium rather than the idea: a missing competence, a partner added only to satisfy eligibility, or unclear roles. During the project, a weak partner can absorb a great deal of the coordinator's time. Clusters have an advantage here, because their networks and partner clusters give them a wide pool of known actors to choose from.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ul><li>List the competences and roles the project needs before thinking of names.</li><li>Fill the roles first with partners you know and trust, then look for the gaps through partner clusters and networks.</li><li>Hold an early call with all candidate partners to test the concept and everyone's commitment.</li><li>Agree roles, work package leadership and budget shares in writing before writing starts.</li><li>Keep the consortium as small as the call and the work allow.</li></ul>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "note",
                                    "text": "<p>Public authorities can be valuable partners or associated partners when a project aims to influence policy; involving them early also strengthens your stakeholder relations.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>For your project concept, draw a table with the roles needed as rows and candidate partners as columns. Mark which roles each partner could fill and which roles remain empty. Identify one partner cluster in another country that could fill a gap and draft a short invitation email to its manager.</p>",
                            ),
                            (
                                "self_check",
                                {
                                    "question": "What should come first when building a consortium?",
                                    "options": [
                                        {
                                            "text": "Inviting as many well-known organisations as possible to strengthen the proposal",
                                            "correct": False,
                                        },
                                        {
                                            "text": "Listing the competences and roles the project needs",
                                            "correct": True,
                                        },
                                        {
                                            "text": "Agreeing the budget split among partners",
                                            "correct": False,
                                        },
                                        {
                                            "text": "Choosing partners only from countries the call gives extra points for",
                                            "correct": False,
                                        },
                                    ],
                                    "explanation": "Starting from the needed competences and roles keeps the consortium focused and avoids partners who are added only for their name or their country.",
                                    "required": True,
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "writing-and-after-the-proposal",
                        "title": "Writing the proposal and what comes after",
                        "minutes": 30,
                        "skills": ["project-development", "eu-public-funding"],
                        "tags": ["projects", "eu funding"],
                        "body": [
                            ("heading", "What the writing phase involves"),
                            (
                                "paragraph",
                                "<p>Proposal writing turns the concept and consortium into a document that answers the call's evaluation criteria, typically the quality of the idea, the expected impact and the quality of implementation. It requires a clear structure, a lead writer, contributions from partners, a budget that matches the work plan and a review before submission.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Evaluators read many proposals and score what is written, not what the consortium meant. Proposals that follow the structure of the criteria, state concrete results and show a credible plan are easier to score well. Just as important is what happens after the decision: a rejected proposal contains valuable feedback, and a successful one must be launched quickly and linked back to members.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ol><li>Make a writing plan with sections, authors and internal deadlines well before the call deadline.</li><li>Use the evaluation criteria as headings in your working document.</li><li>Describe results and impact in concrete terms and link them to the call's expected outcomes.</li><li>Ask someone outside the consortium to read the proposal as an evaluator would.</li><li>After the decision, read the evaluation summary with partners. If rejected, decide whether to improve and resubmit; if funded, plan a kick-off that involves members from the start.</li></ol>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "tip",
                                    "text": "<p>Keep a library of reusable texts such as your cluster description, team profiles and past results. It saves days in every proposal.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Draft a writing plan for the call you prioritised in the first module: sections, authors, internal deadlines and the reviewer. Then write the first paragraph of the expected impact section for your concept, and ask a peer to score it as an evaluator would, with one sentence of justification.</p>",
                            ),
                        ],
                    },
                ],
            },
            {
                "slug": "greener-business",
                "title": "Greener business",
                "delivery": "on_site",
                "level": "intermediate",
                "estimated_hours": 5,
                "modules_in_order": False,
                "summary": "How a cluster can help its members, especially SMEs, make their business greener: understanding what the green transition asks of them, building circular-economy services along the value chain and organising green skills for member staff.",
                "outcomes": [
                    "Explain what the green transition means in practice for SMEs in your sector.",
                    "Identify circular-economy opportunities that require cooperation between members.",
                    "Design a green skills offer together with training partners.",
                ],
                "skills": [
                    "green-circular-support",
                    "member-upskilling",
                    "policy-ecosystem-alignment",
                ],
                "tags": ["sustainability", "greener business"],
                "modules": [
                    {
                        "slug": "the-green-transition-for-smes",
                        "title": "The green transition for SMEs",
                        "minutes": 25,
                        "skills": ["green-circular-support", "policy-ecosystem-alignment"],
                        "tags": ["sustainability", "eu policy"],
                        "body": [
                            ("heading", "What the green transition asks of SMEs"),
                            (
                                "paragraph",
                                "<p>For a small or medium-sized company, the green transition shows up in concrete ways: customers asking for environmental data in tenders, large buyers requiring suppliers to report on their footprint, new product and packaging rules, rising or volatile energy and material costs, and new markets for greener products. Most SMEs meet these pressures without a dedicated sustainability specialist.</p>",
                            ),
                            ("heading", "Why it matters for clusters"),
                            (
                                "paragraph",
                                "<p>The green transition is a central priority of EU policy and of many regional strategies, so it shapes funding and partnerships. For members it is both a risk and an opportunity: companies that adapt early can win customers, while those that wait may lose access to value chains. A cluster that translates the transition into the language and situation of its sector is providing exactly the kind of support individual SMEs cannot organise alone.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ul><li>Ask members which green requirements they already meet from customers, regulators and investors.</li><li>Group members by where they stand: not yet started, taking first steps, advanced.</li><li>For beginners, offer short, practical formats: a peer visit, a basic footprint workshop, a checklist of upcoming rules in the sector.</li><li>For advanced members, offer roles as speakers and mentors, and joint projects.</li><li>Work with regional energy agencies, technology centres and universities rather than duplicating their offers.</li></ul>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "tip",
                                    "text": "<p>Peer examples persuade more than policy documents. A site visit to a member who has cut energy use explains more in an hour than a day of presentations.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>In pairs, interview each other as if you were an SME owner in your partner's cluster: what do customers and regulators ask of you, and what would help? Then write down the three green requirements most relevant to your own members and one practical format for beginners that addresses the first of them.</p>",
                            ),
                        ],
                    },
                    {
                        "slug": "circular-economy-services",
                        "title": "Circular-economy services along the value chain",
                        "minutes": 35,
                        "skills": [
                            "green-circular-support",
                            "collaboration-facilitation",
                            "value-chain-partnerships",
                        ],
                        "tags": ["circular economy", "case study"],
                        "body": [
                            ("heading", "What circular services are"),
                            (
                                "paragraph",
                                "<p>Circular economy means keeping products, components and materials in use as long as possible: designing for repair and reuse, remanufacturing, recycling and using by-products of one company as inputs for another. Many of these opportunities lie between companies, which is why clusters are well placed to help. Circular services include mapping material flows between members, matchmaking for by-products, pilot projects on product redesign and joint investment in shared facilities.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>A single company can improve its own processes, but closing loops usually requires partners: a supplier who takes back packaging, a neighbour who can use waste heat, a recycler who needs a steady volume. The cluster knows who does what in the region and is trusted as a neutral party, which makes it a natural broker for these exchanges.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ol><li>Start with a material-flow workshop: members list their main inputs, outputs and waste streams.</li><li>Look for matches: one member's output that could be another's input.</li><li>Select one or two promising matches and bring the companies together with technical experts.</li><li>Help with the practical questions: quality, logistics, regulation and contracts.</li><li>Document and share the results, so that other members see what is possible.</li></ol>",
                            ),
                            ("material", "case-study-circular-furniture"),
                            (
                                "callout",
                                {
                                    "style": "warning",
                                    "text": "<p>Regulation on waste and by-products varies between countries and regions. Involve an expert before members exchange materials.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Work on the case study in teams. Identify the decisions the cluster organisation took, what it did as broker and what it left to members. Then sketch a material-flow workshop for your own cluster: which members you would invite, which flows you expect and which expert you would involve. Present your sketch to another team in three minutes.</p>",
                            ),
                        ],
                    },
                    {
                        "slug": "green-skills-for-member-staff",
                        "title": "Green skills for member staff",
                        "minutes": 30,
                        "skills": [
                            "member-upskilling",
                            "green-circular-support",
                            "team-development",
                        ],
                        "tags": ["skills", "training"],
                        "body": [
                            ("heading", "What green upskilling covers"),
                            (
                                "paragraph",
                                "<p>Green upskilling means helping members' employees gain the knowledge and skills their companies need for the green transition: energy and resource management, environmental reporting, circular product design, new materials and technologies, and the regulations that apply in their sector. It also includes the cluster's own staff, who need enough understanding to advise and broker.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Technology and investment alone do not make a company greener; people must be able to use them. Finding staff with the right skills is a common concern for companies, and small companies rarely have training departments. Clusters can pool demand across members, work with education and training providers to shape courses, and make training more affordable and more relevant to the sector.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ul><li>Survey members on the green skills they need over the next two years, by job role rather than in general terms.</li><li>Group the needs into a few themes and check existing courses at regional training providers and universities.</li><li>Co-design short, practical modules with providers where offers are missing, using member cases as material.</li><li>Offer mixed formats: short workshops, peer-learning groups and on-the-job projects.</li><li>Explore regional, national and EU funding for skills partnerships.</li></ul>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "note",
                                    "text": "<p>The triple helix is a strength here: research and education members can develop courses, companies provide cases, and public partners can help with funding.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Choose two job roles common among your members, for example a production manager and a purchaser. For each, list three green skills they will need. Identify one training provider who could help and outline a short pilot module. Share the outline with your table and collect feedback.</p>",
                            ),
                            (
                                "self_check",
                                {
                                    "question": "Why are clusters well placed to organise green skills training for SMEs?",
                                    "options": [
                                        {
                                            "text": "Because clusters are legally required to train their members' staff",
                                            "correct": False,
                                        },
                                        {
                                            "text": "Because they can pool demand across members and work with training providers on relevant courses",
                                            "correct": True,
                                        },
                                        {
                                            "text": "Because SMEs cannot attend courses offered by universities",
                                            "correct": False,
                                        },
                                    ],
                                    "explanation": "Individual SMEs have small and irregular training needs. A cluster can bundle them into enough demand for providers to design sector-relevant, affordable courses.",
                                    "required": False,
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "slug": "community-and-networking",
                "title": "Community and networking",
                "delivery": "on_site",
                "level": "foundation",
                "estimated_hours": 4,
                "modules_in_order": False,
                "summary": "The people side of cluster management: what turns a membership list into a community, how to design events that create real connections, how to tell the cluster's story, how to build the cluster team and how to launch projects from the network.",
                "outcomes": [
                    "Describe the ingredients of a cluster community and assess your own.",
                    "Design networking formats that lead to follow-up rather than business cards.",
                    "Tell your cluster's story in a few sentences, tailored to different audiences.",
                    "Share work between cluster staff and members in a way that develops both.",
                    "Move from a promising contact to a launched project.",
                ],
                "skills": [
                    "community-building",
                    "visibility-branding",
                    "leadership-soft-skills",
                    "team-development",
                ],
                "tags": ["community", "networking"],
                "modules": [
                    {
                        "slug": "what-makes-a-cluster-community",
                        "title": "What makes a cluster community",
                        "minutes": 25,
                        "skills": ["community-building", "member-composition"],
                        "tags": ["community"],
                        "body": [
                            ("heading", "What a community is"),
                            (
                                "paragraph",
                                "<p>A cluster becomes a community when members know each other, trust each other enough to share problems and ideas, and feel that they belong to something larger than their own organisation. Communities have shared stories, recurring rituals such as an annual meeting or regular site visits, people who connect others, and a healthy mix of companies, research and education institutions and public partners.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Most of the value of a cluster is created between members rather than by the cluster team. Trust lowers the cost of cooperation: members who know each other share information sooner, start projects faster and resolve conflicts more easily. A strong community also makes the cluster resilient to changes in staff or funding, because members have a stake in keeping it going.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ul><li>Map who knows whom: ask a few well-connected members to help you draw the network, and look for isolated members and groups.</li><li>Check the triple-helix balance: are research and public members connected to companies, or only to each other?</li><li>Identify connectors, members who naturally introduce others, and give them a visible role.</li><li>Create a small number of recurring rituals that members look forward to.</li><li>Welcome new members personally and introduce them to at least three others in their first months.</li></ul>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "tip",
                                    "text": "<p>Welcoming new members well is one of the cheapest and most effective community tools. A buddy from an established member makes the first event much less daunting.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>With two colleagues from other clusters, draw a quick network sketch of your own cluster from memory: the most connected members, isolated groups and the links between companies and research or public members. Identify one connector you could involve more and one isolated group you want to reach, and write down a first step for each.</p>",
                            ),
                        ],
                    },
                    {
                        "slug": "events-that-create-connections",
                        "title": "Events that create connections",
                        "minutes": 30,
                        "skills": ["community-building", "facilitation"],
                        "tags": ["events", "networking"],
                        "body": [
                            ("heading", "What a connecting event is"),
                            (
                                "paragraph",
                                "<p>Many cluster events follow a familiar pattern: a row of presentations, a short coffee break and a closing reception. Participants listen a lot and meet few people beyond those they already know. A connecting event is designed the other way round: content serves as a starting point for conversations, and the format makes sure that participants meet people they would not otherwise meet.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Events are the most visible part of what many clusters do and take a large share of staff time. If they produce conversations that lead to follow-up, they are among the most valuable services a cluster offers. If they do not, they are expensive rituals. Small changes in format can make a large difference to the connections an event creates.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ul><li>Start from the connections you want: which members should meet whom, and why?</li><li>Keep presentations short and follow each with table discussions on a concrete question.</li><li>Use formats such as member pitches, challenge tables where a member presents a problem, and site visits.</li><li>Brief hosts to introduce people actively, especially newcomers.</li><li>Ask participants at the end whom they want to follow up with, and help make it happen.</li></ul>",
                            ),
                            ("material", "community-networking-recording"),
                            (
                                "callout",
                                {
                                    "style": "note",
                                    "text": "<p>A few well-prepared introductions by the cluster manager often produce more follow-up than an hour of open networking.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Take the agenda of your last large event and redesign it: cut presentation time, add at least one interactive format and plan three deliberate introductions. Watch the session recording for further format ideas. Present the old and new agendas side by side to your table and explain what you expect to change.</p>",
                            ),
                        ],
                    },
                    {
                        "slug": "telling-the-cluster-story",
                        "title": "Telling the cluster story",
                        "minutes": 25,
                        "skills": ["visibility-branding", "stakeholder-policy-relations"],
                        "tags": ["communication"],
                        "body": [
                            ("heading", "What a cluster story is"),
                            (
                                "paragraph",
                                "<p>The cluster story is a short, consistent account of who the cluster is, why it exists, what it does and what difference it makes, illustrated with real examples from members. It exists in several lengths: a one-sentence version for introductions, a one-minute version for events and meetings, and a longer version for the website, proposals and reports.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Members, potential members, policy makers, funders and partner clusters all need to understand quickly what your cluster stands for. Without a shared story, every staff member and board member describes the cluster differently, and the cluster seems vague. A good story makes the cluster visible, attracts the right new members and gives members something they are proud to repeat.</p><p>The story also guides branding choices. Names, logos and visual identity should support the story rather than replace it; a good-looking website without a clear message still leaves visitors wondering what the cluster does.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ol><li>Write the one-sentence version: who you bring together, around what, to achieve what.</li><li>Collect three short member examples that show the difference the cluster made, with the members' permission.</li><li>Build the one-minute version around one of these examples.</li><li>Adapt emphasis to the audience: business results for companies, regional development for policy makers, complementarity for partner clusters.</li><li>Share the story with staff and board, and use it consistently across channels.</li></ol>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "tip",
                                    "text": "<p>Let members tell the story whenever possible. A member explaining what the cluster did for them is more credible than any brochure.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Write your one-sentence and one-minute versions. In pairs, tell your one-minute story twice, once as if to an SME owner and once as if to a regional policy maker. Your partner notes what changed and what was unclear.</p>",
                            ),
                            (
                                "self_check",
                                {
                                    "question": "Which element makes a cluster story most credible?",
                                    "options": [
                                        {
                                            "text": "A long list of all services the cluster offers",
                                            "correct": False,
                                        },
                                        {
                                            "text": "Real examples, ideally told by members, of the difference the cluster made",
                                            "correct": True,
                                        },
                                        {
                                            "text": "Technical vocabulary that shows the cluster's expertise",
                                            "correct": False,
                                        },
                                    ],
                                    "explanation": "Concrete examples, especially in members' own words, show value rather than claiming it. Lists of services and jargon make the story harder to remember and less convincing.",
                                    "required": True,
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "the-cluster-team",
                        "title": "The cluster team",
                        "minutes": 30,
                        "skills": [
                            "team-development",
                            "leadership-soft-skills",
                            "governance-bodies",
                        ],
                        "tags": ["team", "cluster staff"],
                        "body": [
                            ("heading", "What the cluster team is"),
                            (
                                "paragraph",
                                "<p>Cluster management teams are usually small, and much of the work is done together with members: board members, working-group chairs and active companies. The team combines several profiles, such as strategy and management, service and project delivery, communication and community, and international relations, often with one person covering several of them.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>The quality of cluster management depends strongly on people, and cluster staff often move on to other jobs in the region. The third edition of the academy was the first open to cluster staff as well as managers, reflecting that the whole team needs the skills discussed here. Developing staff and sharing work well with members makes the cluster less dependent on one person and more attractive as an employer.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ul><li>Map the roles your strategy requires and who covers them today, including members who contribute.</li><li>Identify gaps and single points of failure: tasks only one person knows how to do.</li><li>Agree a development goal with each staff member every year, linked to the strategy.</li><li>Give working-group chairs and active members clear mandates, and support them with simple tools and recognition.</li><li>Document key processes, such as onboarding members or running events, so knowledge stays when people leave.</li></ul>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "note",
                                    "text": "<p>Leading volunteers from member organisations requires the same soft skills as leading staff, plus extra attention to recognition and fair distribution of work.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Draw your team and your most active member contributors on a page, with the roles each person covers. Mark single points of failure in red. Choose one and describe how you would reduce the risk within six months. Discuss it with a participant from a cluster of similar size.</p>",
                            ),
                        ],
                    },
                    {
                        "slug": "launching-projects-from-the-network",
                        "title": "Launching projects from the network",
                        "minutes": 25,
                        "skills": [
                            "collaboration-facilitation",
                            "project-development",
                            "community-building",
                        ],
                        "tags": ["launching projects", "collaboration"],
                        "body": [
                            ("heading", "What launching a project means"),
                            (
                                "paragraph",
                                "<p>Many cluster conversations end with someone saying we should do something together, and then nothing happens. Launching a project means turning such moments into a concrete next step: a small group of members with a shared goal, a first meeting, a lead partner and a rough plan. Projects can be funded collaborative projects, but also simple joint actions such as a shared trade-fair stand or a joint purchasing initiative.</p>",
                            ),
                            ("heading", "Why it matters"),
                            (
                                "paragraph",
                                "<p>Joint projects are where a cluster's community becomes visible in results. They deepen relationships between members, generate stories for communication and often produce the evidence funders and assessors look for. A cluster that is good at launching projects turns networking into value.</p><p>The cluster manager's role is that of a catalyst rather than an owner. Projects led by members are more sustainable, and they free the team to catalyse the next project instead of managing the last one.</p>",
                            ),
                            ("heading", "How to do it"),
                            (
                                "paragraph",
                                "<ol><li>Listen for project signals at events and visits: shared problems, complementary offers, repeated questions.</li><li>Within a week, propose a short follow-up meeting to the members involved.</li><li>Help the group agree on a goal, a lead member and a first action with a date.</li><li>Offer light support: meeting space, facilitation, contacts to experts, advice on funding.</li><li>Step back as the group gains momentum, but check in regularly.</li></ol>",
                            ),
                            (
                                "callout",
                                {
                                    "style": "tip",
                                    "text": "<p>Start small. A first joint action that succeeds builds the trust needed for a larger funded project later.</p>",
                                },
                            ),
                            ("heading", "Exercise"),
                            (
                                "paragraph",
                                "<p>Recall the last three times members said they should do something together. For each, note what happened next and why. Pick the most promising one and write the follow-up email you will send next week, proposing a meeting, a goal for it and the members to invite.</p>",
                            ),
                        ],
                    },
                ],
            },
        ],
    },
]

MATERIALS = [
    # 1st edition: Strasbourg ---------------------------------------------------------------
    {
        "slug": "strategy-foundations-slides",
        "title": "Strategy foundations: session slides",
        "kind": "slides",
        "description": "Slides from the opening online session on what a strategy means for a cluster organisation. They walk through the five steps from member needs to an action plan and introduce the homework for the academy.",
        "edition": 1,
        "language": "en",
        "date": date(2022, 12, 1),
        "skills": ["vision-mission-goals", "action-planning", "member-needs-analysis"],
        "tags": ["cluster strategy", "clusters of the future"],
        "external_url": "",
        "pages": [
            "Why a cluster strategy: A cluster strategy is a set of choices for the cluster organisation: which members it serves, what it offers them and what it will not do. It gives the team a reason to say no, gives the board a yardstick and tells members why their fee matters.",
            "From needs to plan in five steps: 1. Listen to members. 2. Look outward at trends and policy. 3. Choose three to five strategic goals. 4. Plan actions, owners, resources and indicators. 5. Review every year with the board. Each step is covered in a module of the course.",
            "Homework before the on-site part: Interview three members using the interview guide, draft a vision, a mission and three goals, and map the goals against regional and EU priorities. Bring the results to the feedback session.",
        ],
    },
    {
        "slug": "member-needs-interview-guide",
        "title": "Member-needs interview guide",
        "kind": "worksheet",
        "description": "A structured guide for one-to-one interviews with member companies and organisations. It includes opening questions about the member's business, prompts on obstacles and a note-taking grid that lets the team compare interviews.",
        "edition": 1,
        "language": "en",
        "date": date(2022, 12, 1),
        "skills": ["member-needs-analysis", "engagement-retention"],
        "tags": ["members", "interviews"],
        "external_url": "",
        "pages": [
            "Before the interview: Choose a mix of interviewees: active and rarely seen members, small and large companies, research, education and public members. Explain that the interview is about their business, not a sales call for the cluster, and agree on 45 minutes.",
            "Questions: What are your main goals for the next three years? What are the biggest obstacles to reaching them? Where do you currently get help, and what is missing? Which partners would you like to meet? Only at the end: where could the cluster help, and what should it stop doing?",
            "Note-taking grid: Record for each interview the member segment, the three strongest needs in the member's own words, any quotes worth keeping, and follow-up promised. After five or more interviews, group the needs into themes and note how often each appears.",
        ],
    },
    {
        "slug": "eu-cluster-policy-reading-list",
        "title": "Reading list: clusters in regional and EU policy",
        "kind": "reading_list",
        "description": "A short, annotated list of the types of policy documents every cluster manager should know, from the regional innovation strategy to EU industrial policy and its industrial ecosystems. Each entry explains what to look for when aligning a cluster strategy.",
        "edition": 1,
        "language": "en",
        "date": date(2022, 12, 1),
        "skills": ["policy-ecosystem-alignment", "stakeholder-policy-relations"],
        "tags": ["eu policy", "industrial ecosystems"],
        "external_url": "",
        "pages": [
            "Regional and national level: Your region's innovation or smart specialisation strategy: look for priority domains and the instruments that support them. The national cluster or innovation policy, if there is one: look for support programmes and the expectations placed on cluster organisations.",
            "EU level: The EU industrial strategy and its updates: look for the 14 industrial ecosystems and the priorities for the green and digital transitions and resilience. The cluster pages of the European Cluster Collaboration Platform: look for cluster partnerships, calls and news relevant to your ecosystem.",
            "How to read: For each document, note two or three priorities that match your strategic goals, the programmes that finance them and the contact person responsible. Keep the notes in one table and update it once a year.",
        ],
    },
    {
        "slug": "business-model-canvas-for-clusters",
        "title": "Business model canvas for cluster organisations",
        "kind": "template",
        "description": "A one-page business model canvas adapted to cluster organisations, with guiding questions for each of the nine building blocks. Use it twice: once for today's model and once for the model your strategy aims at.",
        "edition": 1,
        "language": "en",
        "date": date(2022, 12, 2),
        "skills": ["business-model-canvas", "fees-revenue-mix", "service-portfolio-design"],
        "tags": ["business model", "canvas"],
        "external_url": "",
        "pages": [
            "Right side of the canvas: Customer segments: which member groups and which funders do you serve? Value propositions: what does each segment gain? Channels: how do they hear about and use your services? Relationships: personal, community-based or self-service? Revenue streams: who pays for what?",
            "Left side of the canvas: Key activities: what must the team do well? Key resources: staff, network, trust, data, facilities. Key partners: other intermediaries, universities, agencies, partner clusters. Cost structure: where does the money go, and which costs support which propositions?",
            "Checks: Does every value proposition have a segment that wants it? Does every major cost support at least one proposition? Which revenue streams depend on a single source? Mark the answers on the canvas with a coloured note.",
        ],
    },
    {
        "slug": "revenue-mix-session-recording",
        "title": "Recording: balancing the revenue mix of a cluster organisation",
        "kind": "recording",
        "description": "Recording of the online session on how cluster organisations finance their work. It covers the main income sources, the risks of depending on one of them and the first steps towards a more balanced mix.",
        "edition": 1,
        "language": "en",
        "date": date(2022, 12, 2),
        "skills": ["fees-revenue-mix", "eu-public-funding"],
        "tags": ["business model", "financing"],
        "external_url": "https://example.org/cba/recordings/revenue-mix-session-recording",
        "pages": [
            "Transcript summary: The session opens with a poll on participants' main income sources and moves to a discussion of five sources: membership fees, paid services, sponsorship, core public funding and project funding. For each, the trainer discusses rhythm, conditions and typical risks.",
            "Discussion: Participants compare experiences of moving away from start-up funding. Recurring themes are the difficulty of introducing fees for previously free services, the hidden cost of proposal writing, and the value of a small financial reserve. The session ends with the homework: a three-year income table classified as secured, likely or uncertain.",
        ],
    },
    {
        "slug": "designing-services-slides",
        "title": "Designing services for SMEs: workshop slides",
        "kind": "slides",
        "description": "Slides used during the on-site day on service design. They cover portfolio mapping, the service concept page, pilot planning and the instructions for the team case work.",
        "edition": 1,
        "language": "en",
        "date": date(2023, 3, 2),
        "skills": ["service-portfolio-design", "innovation-scouting"],
        "tags": ["services", "smes"],
        "external_url": "",
        "pages": [
            "Portfolio first: Before designing new services, map the ones you have: segments served, need addressed, use last year and cost in staff days. Plot them by reach and depth, and look for gaps and for services to retire.",
            "From need to concept: A service concept fits on one page: target members, the need in their words, the before and after situation, delivery, the cluster's role (deliver, broker or co-create), cost and success criteria. Scout existing offers before designing your own.",
            "Pilot and decide: Run a small, time-limited pilot with success criteria defined in advance. Keep it manual, collect feedback twice, then decide: stop, adjust and repeat, or scale.",
        ],
    },
    {
        "slug": "service-portfolio-matrix",
        "title": "Service portfolio matrix",
        "kind": "template",
        "description": "A template for listing all cluster services and placing them on a reach-by-depth matrix. It helps you spot underserved member segments, services that could be retired and gaps identified in your needs analysis.",
        "edition": 1,
        "language": "en",
        "date": date(2023, 3, 2),
        "skills": ["service-portfolio-design", "member-needs-analysis"],
        "tags": ["services", "smes"],
        "external_url": "",
        "pages": [
            "Service inventory: For every service, including those run through projects, record: name, target segments, need addressed, number of members who used it last year, approximate staff days per year, income generated and funding source.",
            "Reach and depth matrix: Place each service on a grid with reach (few or many members) on one axis and depth (information, connection, capability, change in practice) on the other. Services with few users and low depth deserve a hard look; segments with no deep service point to gaps.",
        ],
    },
    {
        "slug": "case-study-matchmaking-service",
        "title": "Case study: building a structured matchmaking service",
        "kind": "case_study",
        "description": "A fictional, composite case of a regional cluster that wants networking events to produce more joint projects and builds a structured matchmaking service. Used for team work in the on-site session.",
        "edition": 1,
        "language": "en",
        "date": date(2023, 3, 2),
        "skills": [
            "collaboration-facilitation",
            "service-portfolio-design",
            "engagement-retention",
        ],
        "tags": ["services", "matchmaking", "case study"],
        "external_url": "",
        "pages": [
            "The situation: A regional manufacturing cluster runs well-attended networking evenings, but members say that few contacts turn into cooperation. The board asks the manager to make collaboration more systematic without adding staff. This case is fictional and describes no real cluster.",
            "What the cluster tried: The team introduces member profiles describing what each member offers and seeks, suggests three introductions per member before each event, and follows up by phone after a month. Some members welcome it; others find the profiles burdensome and do not complete them.",
            "Questions for teams: What problem is the cluster really trying to solve? Which members should the service target first? How would you measure success after one year? What would you do about members who do not complete their profiles?",
        ],
    },
    {
        "slug": "fiche-besoins-des-membres",
        "title": "Fiche de travail : cartographier les besoins des membres",
        "kind": "worksheet",
        "description": "Une fiche de travail en français pour regrouper les besoins exprimés par les membres en thèmes et les relier aux services existants. Elle complète le guide d'entretien utilisé pendant la partie en ligne.",
        "edition": 1,
        "language": "fr",
        "date": date(2023, 3, 2),
        "skills": ["member-needs-analysis", "innovation-scouting"],
        "tags": ["members", "services"],
        "external_url": "",
        "pages": [
            "Étape 1 : regrouper les besoins. Reprenez les notes de vos entretiens et inscrivez chaque besoin sur une fiche, avec les mots du membre. Regroupez les fiches en quatre à six thèmes et notez combien de membres ont exprimé chaque thème.",
            "Étape 2 : relier aux services. Pour chaque thème, indiquez les services du cluster ou des partenaires qui y répondent déjà. Les thèmes sans réponse sont des pistes pour de nouveaux services ; les services sans thème sont à réexaminer.",
        ],
    },
    {
        "slug": "strategic-action-plan-template",
        "title": "Strategic action plan template",
        "kind": "template",
        "description": "The template participants use to build their strategic action plan during the academy. It links each strategic goal to a few actions with owners, resources, milestones and indicators, and includes a capacity check.",
        "edition": 1,
        "language": "en",
        "date": date(2023, 3, 3),
        "skills": ["action-planning", "kpis-impact"],
        "tags": ["action plan"],
        "external_url": "",
        "pages": [
            "Plan table: One row per action, grouped under the strategic goal it serves. Columns: action (starting with a verb), owner, members and partners involved, staff days, budget, quarterly milestones, indicator, assumptions and risks.",
            "Capacity check: Add up the staff days of all actions and compare the total with the real capacity of the team after routine work. If the plan exceeds capacity, remove or postpone actions now.",
            "Review routine: Agree a monthly fifteen-minute team review and a quarterly report to the board. Record every change to the plan and the reason for it.",
        ],
    },
    {
        "slug": "action-plan-readiness-check",
        "title": "Action plan readiness check",
        "kind": "self_assessment",
        "description": "A short self-assessment questionnaire to test whether your strategic action plan is ready to be implemented. It covers clarity of goals, ownership, capacity, board support and monitoring.",
        "edition": 1,
        "language": "en",
        "date": date(2023, 3, 3),
        "skills": ["action-planning", "self-assessment-improvement", "change-management"],
        "tags": ["action plan"],
        "external_url": "",
        "pages": [
            "Questions (answer yes, partly or no): Does each strategic goal have at least one measurable indicator? Does each action have a single owner? Does the plan fit the team's real capacity? Has the board seen and supported the plan? Is there a quick win in the first three months? Is a review date in the calendar?",
            "Reading your answers: Every no points to a step to take before launch. Several partly answers on ownership or capacity usually mean the plan has too many actions. Repeat the check after three months.",
        ],
    },
    {
        "slug": "case-study-governance-reform",
        "title": "Case study: reforming the governance of a growing cluster",
        "kind": "case_study",
        "description": "A fictional, composite case of a cluster whose board no longer reflects its membership after rapid growth. Teams discuss how to rebalance the triple helix and manage the change without losing long-standing members.",
        "edition": 1,
        "language": "en",
        "date": date(2023, 3, 3),
        "skills": ["governance-bodies", "member-composition", "change-management"],
        "tags": ["governance", "case study"],
        "external_url": "",
        "pages": [
            "The situation: A cluster founded by a handful of large companies and a university has grown to include many SMEs and start-ups. The board still consists of the founders. Smaller members feel unheard, while founders worry about losing influence. This case is fictional and describes no real cluster.",
            "Options on the table: Enlarge the board with seats for SMEs and start-ups; create advisory working groups with a formal link to the board; rotate board seats; or keep the board and improve consultation. Each option has consequences for decision speed, legitimacy and the founders' commitment.",
            "Questions for teams: Which option would you recommend and why? How would you involve the founders in the change? What would you measure to know whether the reform worked?",
        ],
    },
    # 2nd edition: Turin -------------------------------------------------------------------
    {
        "slug": "strategy-development-slides",
        "title": "Strategy development: online session slides",
        "kind": "slides",
        "description": "Slides from the online session on developing or renewing a cluster strategy. They present the five-step process, the position analysis and the use of scenarios to compare strategic options.",
        "edition": 2,
        "language": "en",
        "date": date(2023, 6, 6),
        "skills": ["vision-mission-goals", "trend-analysis", "governance-bodies"],
        "tags": ["cluster strategy", "foresight"],
        "external_url": "",
        "pages": [
            "The process: Prepare, analyse, choose, plan, anchor. Agree the mandate and timeline with the board, set up a small strategy group that reflects the triple helix, and fix the date of the decision at the start.",
            "Analysis and options: Summarise the position in a SWOT with evidence for each point, connect the quadrants into strategic questions, and formulate three distinct options. Test the options against four simple scenarios built from the two most uncertain external factors.",
        ],
    },
    {
        "slug": "strategy-process-recording",
        "title": "Recording: involving the board and members in strategy work",
        "kind": "recording",
        "description": "Recording of the online discussion on how to involve boards and members in strategy development. Participants compare consultation formats and discuss how to report back to members.",
        "edition": 2,
        "language": "en",
        "date": date(2023, 6, 6),
        "skills": ["governance-bodies", "vision-mission-goals", "facilitation"],
        "tags": ["cluster strategy", "governance"],
        "external_url": "https://example.org/cba/recordings/strategy-process-recording",
        "pages": [
            "Transcript summary: The trainer introduces three levels of involvement (inform, consult, co-create) and asks participants which they use at each step of their strategy process. Breakout groups then compare short consultation formats, such as a ninety-minute options workshop and a five-question online consultation.",
            "Key points from the discussion: Boards take more ownership when they choose between options rather than approve a single draft. Members lose interest if their input disappears, so reporting back on what changed is essential. Research and public members should be involved where choices are prepared, not only where they are approved.",
        ],
    },
    {
        "slug": "cluster-position-worksheet",
        "title": "Cluster position analysis worksheet",
        "kind": "worksheet",
        "description": "A worksheet for analysing the cluster's position: evidence collection, a SWOT limited to five points per quadrant and a grid for connecting quadrants into strategic questions.",
        "edition": 2,
        "language": "en",
        "date": date(2023, 6, 6),
        "skills": ["member-needs-analysis", "trend-analysis", "benchmarking-excellence-labels"],
        "tags": ["cluster strategy", "analysis"],
        "external_url": "",
        "pages": [
            "Evidence: List the sources you will use: member-needs analysis, membership development, service use, income by source, event feedback, comparison with two or three similar clusters, and trends and policy changes.",
            "SWOT with evidence: Write at most five points per quadrant. For each point, note the evidence behind it. Strengths and weaknesses concern the cluster organisation; opportunities and threats concern its environment.",
            "Strategic questions: Connect quadrants: which strengths help seize which opportunities? Which weaknesses expose you to which threats? Turn the two strongest connections into questions that the strategy must answer.",
        ],
    },
    {
        "slug": "value-proposition-segments-worksheet",
        "title": "Value propositions by member segment",
        "kind": "worksheet",
        "description": "A worksheet for describing the jobs, pains and gains of your three main member segments and writing a one-sentence value proposition for each. It helps you spot segments that the current offer serves poorly.",
        "edition": 2,
        "language": "en",
        "date": date(2023, 6, 7),
        "skills": ["business-model-canvas", "service-portfolio-design", "member-needs-analysis"],
        "tags": ["business model", "members"],
        "external_url": "",
        "pages": [
            "Segment profile: For each segment (for example start-ups, established SMEs, large companies, research organisations), list their main jobs, the pains that block them and the gains they hope for. Use evidence from interviews and surveys rather than assumptions.",
            "Proposition sentence: Complete: for [segment] who want [job], the cluster offers [what], unlike [alternative]. Then list the services that deliver the proposition today and rate the fit as strong, partial or weak.",
        ],
    },
    {
        "slug": "cluster-business-models-reading-list",
        "title": "Reading list: business models and financing of cluster organisations",
        "kind": "reading_list",
        "description": "An annotated list of the kinds of sources that help cluster managers think about business models and financing. It points to method guides, peer material and the questions to ask when reading them.",
        "edition": 2,
        "language": "en",
        "date": date(2023, 6, 7),
        "skills": ["business-model-canvas", "fees-revenue-mix", "project-development"],
        "tags": ["business model", "financing"],
        "external_url": "",
        "pages": [
            "Methods: A general introduction to the business model canvas and value proposition design; read it with a cluster in mind and note where segments include funders as well as members. Guides on pricing services in non-profit organisations; look for full-cost calculation and member versus non-member pricing.",
            "Peer material: Annual reports and published strategies of other cluster organisations; look at how they describe their income mix and services. Cluster management excellence criteria on financing; use them as a checklist for your own model.",
        ],
    },
    {
        "slug": "case-study-engagement-turnaround",
        "title": "Case study: re-engaging a passive membership",
        "kind": "case_study",
        "description": "A fictional, composite case of a cluster whose members had become passive readers of its newsletter. It follows the steps the team took to move members up the engagement ladder and the setbacks along the way.",
        "edition": 2,
        "language": "en",
        "date": date(2023, 9, 21),
        "skills": ["engagement-retention", "community-building", "member-satisfaction-surveys"],
        "tags": ["engagement", "members", "case study"],
        "external_url": "",
        "pages": [
            "The situation: A cluster in the agri-food sector has a stable membership, but the same small group attends every event, and most members only read the newsletter. Two respected members have just resigned, saying the cluster no longer offers them anything. This case is fictional and describes no real cluster.",
            "What the team did: The manager calls every member who has not attended in a year, asking about their business. The team replaces two large events with smaller thematic visits hosted by members, invites members personally to speak, and starts onboarding new contact persons when companies change staff.",
            "Questions for teams: Which steps addressed causes of disengagement, and which only symptoms? What would you measure to know whether engagement improved? Which step would you try first in your own cluster?",
        ],
    },
    {
        "slug": "member-survey-template",
        "title": "Annual member survey template",
        "kind": "template",
        "description": "A ready-to-adapt questionnaire for an annual member survey with ten to fifteen questions. It measures satisfaction and importance for each service, likelihood of recommendation and changing needs.",
        "edition": 2,
        "language": "en",
        "date": date(2023, 9, 21),
        "skills": ["member-satisfaction-surveys", "engagement-retention", "member-needs-analysis"],
        "tags": ["survey", "members"],
        "external_url": "",
        "pages": [
            "Core questions: How likely are you to recommend the cluster to a peer (0-10)? For each service you used: how satisfied were you (1-5) and how important is it to you (1-5)? What is the most valuable thing the cluster did for you in the last year?",
            "Needs and engagement: What are your biggest challenges for the next two years? Which topics should the cluster work on? How would you like to be involved: attending, contributing, leading? Optional: contact details for a follow-up conversation.",
            "Using the results: Plot satisfaction against importance per service. Share the results with members along with what you will change, and keep the core questions stable over several years so trends are visible.",
        ],
    },
    {
        "slug": "trend-assessment-tool",
        "title": "Trend-assessment tool for clusters",
        "kind": "template",
        "description": "The tool used to assess trends with members for impact and timing, in the version piloted during the Turin edition. It includes trend cards, a scoring sheet and a map for collecting member needs and service ideas.",
        "edition": 2,
        "language": "en",
        "date": date(2023, 9, 22),
        "skills": ["trend-analysis", "green-circular-support", "digital-industry-4-0"],
        "tags": ["trends", "twin transition", "foresight"],
        "external_url": "",
        "pages": [
            "Trend cards: One card per trend with a neutral name, a two-sentence description and two or three example signals. Cover four fields: technology, markets, policy and regulation, society.",
            "Scoring: Each participant scores each trend individually for impact on members' business (1 marginal to 5 transformative) and time until it matters (now, within three years, later). Show the spread of scores and discuss the trends where scores differ most.",
            "Map and follow-up: Place the trends on an impact-by-time map. For the top three, record what members would need to respond and what the cluster could offer. Repeat the assessment each year and compare maps.",
        ],
    },
    {
        "slug": "trend-assessment-pilot-recording",
        "title": "Recording: piloting the trend-assessment tool",
        "kind": "recording",
        "description": "Recording of the on-site debrief after participants piloted the trend-assessment tool on their own clusters' trends. Participants share what worked, what confused members and how they would adapt the tool.",
        "edition": 2,
        "language": "en",
        "date": date(2023, 9, 22),
        "skills": ["trend-analysis", "resilience-supply-chains", "facilitation"],
        "tags": ["trends", "pilot"],
        "external_url": "https://example.org/cba/recordings/trend-assessment-pilot-recording",
        "pages": [
            "Transcript summary: Groups report on their pilot. Several found that separating signals from trends before the session made scoring much faster. Disagreements on impact often reflected different positions in the value chain, and discussing them was the most valuable part.",
            "Adaptations proposed: Limit the session to eight to twelve trends; add a resilience field for supply-chain risks; let a member rather than the cluster manager present each trend card; and end with a clear owner for each service idea.",
        ],
    },
    {
        "slug": "autovalutazione-coinvolgimento-membri",
        "title": "Autovalutazione: quanto sono coinvolti i vostri membri?",
        "kind": "self_assessment",
        "description": "Un breve questionario di autovalutazione in italiano per stimare il livello di coinvolgimento dei membri del cluster. Aiuta a individuare i gradini della scala del coinvolgimento su cui intervenire.",
        "edition": 2,
        "language": "it",
        "date": date(2023, 9, 21),
        "skills": ["engagement-retention", "member-satisfaction-surveys"],
        "tags": ["engagement", "members"],
        "external_url": "",
        "pages": [
            "Domande (sì, in parte, no): Sapete quanti membri hanno partecipato ad almeno un'attività nell'ultimo anno? Ogni nuovo membro riceve un'accoglienza personale? I membri presentano o ospitano attività? Esistono gruppi di lavoro guidati da membri? Conoscete i motivi per cui i membri lasciano il cluster?",
            "Interpretazione: Ogni no indica un'azione possibile. Se molti membri restano ai gradini più bassi, preparate per ciascun gruppo un piccolo passo successivo e un invito personale. Ripetete l'autovalutazione dopo sei mesi.",
        ],
    },
    {
        "slug": "sustainability-services-slides",
        "title": "Sustainability as a service theme: slides",
        "kind": "slides",
        "description": "Slides from the on-site session on turning the green transition into cluster services. They present a four-step pathway from awareness to skills and examples of the cluster's role as broker.",
        "edition": 2,
        "language": "en",
        "date": date(2023, 9, 22),
        "skills": ["green-circular-support", "resilience-supply-chains", "member-upskilling"],
        "tags": ["sustainability", "twin transition", "services"],
        "external_url": "",
        "pages": [
            "A pathway for members: Awareness (events on new requirements, peer visits), diagnosis (basic footprint and resource checks), implementation (matchmaking with solution providers, joint projects), skills (training for staff). Members enter where they stand.",
            "The cluster's role: Deliver what no one else offers, broker access to energy agencies, technology centres and universities, and co-create projects where cooperation between members is needed. Avoid unsupported green claims in communication.",
        ],
    },
    {
        "slug": "service-maturity-self-assessment",
        "title": "Service portfolio maturity self-assessment",
        "kind": "self_assessment",
        "description": "A self-assessment questionnaire on how systematically your cluster develops and manages its services. It covers needs-based design, piloting, pricing, evaluation and retiring services.",
        "edition": 2,
        "language": "en",
        "date": date(2023, 9, 21),
        "skills": ["service-portfolio-design", "self-assessment-improvement"],
        "tags": ["services"],
        "external_url": "",
        "pages": [
            "Questions (score 1 to 4): New services start from documented member needs. New services are piloted with clear success criteria. Each service has a named owner and known cost. Prices for members and non-members are published. Services are evaluated at least yearly. Services that no longer meet needs are retired.",
            "Reading your score: Low scores on design and piloting suggest a supply-driven portfolio; low scores on evaluation and retiring suggest an overgrown one. Choose one statement to improve in the next six months and add it to your action plan.",
        ],
    },
    # 3rd edition: Sofia -------------------------------------------------------------------
    {
        "slug": "role-of-cluster-organisations-recording",
        "title": "Recording: the role of cluster organisations",
        "kind": "recording",
        "description": "Recording of the opening online session of the third edition, the first open to cluster staff as well as managers. It introduces the roles a cluster organisation plays for members and the region and what they mean for cluster management.",
        "edition": 3,
        "language": "en",
        "date": date(2024, 1, 23),
        "skills": ["governance-bodies", "team-development", "vision-mission-goals"],
        "tags": ["role of clusters", "cluster staff"],
        "external_url": "https://example.org/cba/recordings/role-of-cluster-organisations-recording",
        "pages": [
            "Transcript summary: The session distinguishes the cluster, a network of companies, research and education institutions and public bodies, from the cluster organisation that manages it. Five roles are discussed: connector, service provider, voice, catalyst and bridge to other regions.",
            "Discussion: Participants rank the roles by the time their team spends on them and by their importance to members. Many see the catalyst role as underdeveloped. Staff participants note that clear roles help them explain their work to members and prioritise requests.",
        ],
    },
    {
        "slug": "strategy-kpi-worksheet",
        "title": "From strategic goals to KPIs: worksheet",
        "kind": "worksheet",
        "description": "A worksheet for building an indicator chain from activities to outputs, results and impact for each strategic goal, and for choosing a small set of KPIs with data sources and baselines.",
        "edition": 3,
        "language": "en",
        "date": date(2024, 1, 23),
        "skills": ["kpis-impact", "vision-mission-goals"],
        "tags": ["kpis", "evaluation"],
        "external_url": "",
        "pages": [
            "Indicator chain: For each strategic goal, fill in four boxes: activities (what the team does), outputs (direct products), results (changes among members) and impact (longer-term effects). Example: matchmaking events, meetings held, partnerships formed, new joint products.",
            "Choosing KPIs: Select one or two KPIs per goal, at least one at result level. For each, note the data source, who collects it, how often, and the current baseline. Set targets only after the baseline is known.",
        ],
    },
    {
        "slug": "excellence-self-assessment",
        "title": "Cluster management excellence: self-assessment questionnaire",
        "kind": "self_assessment",
        "description": "A self-assessment questionnaire structured along the six areas of cluster management excellence assessments (formerly ESCA labels, now EUCLES). It asks for evidence for each rating and ends with two improvement actions. It is a learning tool, not an official assessment.",
        "edition": 3,
        "language": "en",
        "date": date(2024, 1, 23),
        "skills": ["benchmarking-excellence-labels", "self-assessment-improvement", "kpis-impact"],
        "tags": ["excellence", "eucles", "evaluation"],
        "external_url": "",
        "pages": [
            "Areas to rate (strong, adequate, weak): 1. Structure of the cluster. 2. Management and governance. 3. Financing of cluster management. 4. Services. 5. Cooperation and interaction within the cluster. 6. Achievements and recognition. Also consider how you address digital, green and social-economy topics.",
            "Evidence: For each area, write how you work today and which document, figure or example would support your rating. If you cannot find evidence, lower the rating.",
            "Improvement: Select the two weakest areas and define one improvement action for each, with an owner and a date. Repeat the self-assessment after a year and compare.",
        ],
    },
    {
        "slug": "internationalisation-readiness-check",
        "title": "Internationalisation readiness check",
        "kind": "self_assessment",
        "description": "A self-assessment for cluster organisations planning international activity. It checks member demand, objectives, partner relationships, capacity and follow-up processes.",
        "edition": 3,
        "language": "en",
        "date": date(2024, 1, 24),
        "skills": ["internationalisation-strategy", "value-chain-partnerships"],
        "tags": ["internationalisation", "partnerships"],
        "external_url": "",
        "pages": [
            "Questions (yes, partly, no): Do you know which members want international partners, and for what? Are your international objectives written and linked to your strategy? Do you have at least one trusted partner cluster abroad? Does the team have time and language skills for international work? Is there a routine for following up contacts made abroad?",
            "Reading your answers: If member demand is unclear, start there rather than with partners. If partners exist but follow-up is missing, invest in follow-up before adding partners. Repeat the check once a year.",
        ],
    },
    {
        "slug": "partner-region-screening-worksheet",
        "title": "Partner region and cluster screening worksheet",
        "kind": "worksheet",
        "description": "A weighted scoring worksheet for comparing candidate partner regions and cluster organisations. It helps you choose partners deliberately and explain the choice to members and the board.",
        "edition": 3,
        "language": "en",
        "date": date(2024, 1, 24),
        "skills": [
            "internationalisation-strategy",
            "value-chain-partnerships",
            "stakeholder-policy-relations",
        ],
        "tags": ["internationalisation", "partnerships"],
        "external_url": "",
        "pages": [
            "Criteria and weights: Suggested criteria: complementary competences in the value chain, market potential for members, existing contacts, language and cultural proximity, funding opportunities for joint activities, capacity of the partner cluster organisation. Weight them so that the weights add up to 100.",
            "Scoring: Score each candidate from 1 to 5 on each criterion and calculate the weighted total. Note the source of each score. Shortlist two or three candidates and plan a first video call and a small joint activity with each.",
        ],
    },
    {
        "slug": "case-study-virtual-matchmaking",
        "title": "Case study: a cross-border virtual matchmaking day",
        "kind": "case_study",
        "description": "A fictional, composite case of two clusters in different countries that organise a joint virtual matchmaking day. It shows the preparation, the day itself and the follow-up, including what went wrong.",
        "edition": 3,
        "language": "en",
        "date": date(2024, 1, 24),
        "skills": ["facilitation", "digital-industry-4-0", "internationalisation-strategy"],
        "tags": ["matchmaking", "internationalisation", "case study"],
        "external_url": "",
        "pages": [
            "The situation: Two clusters working on related parts of a value chain in different countries agree to test cooperation with a virtual matchmaking day before planning any delegation. This case is fictional and describes no real clusters.",
            "What happened: Profiles were collected through a simple online form, and cluster managers suggested matches alongside participants' own requests. On the day, several meetings were cancelled at short notice, while curated matches were mostly kept. A follow-up email a week later revealed a handful of planned next steps.",
            "Questions for teams: How could the clusters have reduced cancellations? Which follow-up would you organise after one and three months? What would make you decide to plan a physical delegation?",
        ],
    },
    {
        "slug": "selbstcheck-digitale-dienste",
        "title": "Selbstcheck: digitale Dienstleistungen des Clusters",
        "kind": "self_assessment",
        "description": "Ein kurzer Selbstcheck auf Deutsch, mit dem Clusterorganisationen prüfen, wie gut sie ihre Mitglieder bei der digitalen Transformation unterstützen und eigene Angebote digital bereitstellen.",
        "edition": 3,
        "language": "de",
        "date": date(2024, 1, 24),
        "skills": ["digital-industry-4-0", "member-upskilling", "service-portfolio-design"],
        "tags": ["digital", "services"],
        "external_url": "",
        "pages": [
            "Fragen (ja, teilweise, nein): Kennen Sie den digitalen Reifegrad Ihrer Mitglieder? Arbeiten Sie mit regionalen Partnern wie Technologiezentren und Hochschulen zusammen? Bieten Sie Weiterbildung zu digitalen Themen an? Können Mitglieder an Veranstaltungen auch online teilnehmen? Gibt es ein Mitgliederverzeichnis, in dem Kompetenzen gesucht werden können?",
            "Auswertung: Jedes Nein ist ein möglicher nächster Schritt. Prüfen Sie zuerst, ob ein Partner das Angebot bereits gut bereitstellt, und vermitteln Sie den Zugang, bevor Sie ein eigenes Angebot entwickeln.",
        ],
    },
    {
        "slug": "eu-funding-reading-list",
        "title": "Reading list: navigating EU funding for clusters",
        "kind": "reading_list",
        "description": "An annotated list of the kinds of documents to read before pursuing EU or other public funding, with questions to ask of each. It covers programme overviews, work programmes, call documents and evaluation feedback.",
        "edition": 3,
        "language": "en",
        "date": date(2024, 1, 25),
        "skills": ["eu-public-funding", "project-development", "policy-ecosystem-alignment"],
        "tags": ["eu funding", "projects"],
        "external_url": "",
        "pages": [
            "Overviews: Official overviews of EU programmes relevant to clusters, such as those for research and innovation, interregional cooperation, SMEs and the single market, digital capacities, and environment and climate. Ask: which of my strategic goals could this programme support?",
            "Work programmes and calls: The current work programme and the full call text, including expected outcomes, eligibility, funding rates and evaluation criteria. Ask: what exactly must the project deliver, and who must be in the consortium? Always use the current official documents.",
            "Regional sources: Your regional managing authority's calls under cohesion policy and national contact points' guidance. Ask: which regional instruments can co-finance or prepare a European project?",
        ],
    },
    {
        "slug": "project-concept-note-template",
        "title": "Project concept note template",
        "kind": "template",
        "description": "A one- to two-page template for describing a project idea before matching it to a call. It links the idea to member needs and the cluster's strategy and records member commitment.",
        "edition": 3,
        "language": "en",
        "date": date(2024, 1, 25),
        "skills": ["project-development", "eu-public-funding", "collaboration-facilitation"],
        "tags": ["projects", "eu funding", "launching projects"],
        "external_url": "",
        "pages": [
            "Concept: Working title. Problem shared by members. Objectives. Expected results and who benefits. Main activities. Partners and roles needed. Rough budget range and duration. Link to the cluster's strategic goals and the indicators it would move.",
            "Commitment and fit: Members interested and what each would contribute in time and co-financing. Candidate programmes and calls. Next step, owner and date. A concept with no member willing to invest time is a warning sign.",
        ],
    },
    {
        "slug": "case-study-circular-furniture",
        "title": "Case study: closing material loops in a furniture value chain",
        "kind": "case_study",
        "description": "A fictional, composite case of a wood and furniture cluster that helps members exchange by-products and redesign products for reuse. Used for team work in the greener business session.",
        "edition": 3,
        "language": "en",
        "date": date(2024, 3, 11),
        "skills": [
            "green-circular-support",
            "collaboration-facilitation",
            "value-chain-partnerships",
        ],
        "tags": ["circular economy", "sustainability", "case study"],
        "external_url": "",
        "pages": [
            "The situation: A regional wood and furniture cluster hears from several members that offcuts and packaging waste are costly to dispose of, while others buy similar materials. The cluster has no environmental specialist on its team. This case is fictional and describes no real cluster.",
            "What the cluster did: It ran a material-flow workshop, found two promising matches, and brought in a regional technology centre to check quality and regulatory questions. One exchange started after several months; the other stalled over logistics. The cluster also launched a small working group on design for disassembly.",
            "Questions for teams: What did the cluster do as a broker, and what did it leave to members? Why might the second exchange have stalled, and what could the cluster have done? How would you share the results with other members?",
        ],
    },
    {
        "slug": "greener-business-slides",
        "title": "Greener business for SMEs: session slides",
        "kind": "slides",
        "description": "Slides from the on-site session on helping SMEs make their business greener. They cover the practical pressures SMEs face, formats for members at different stages and green skills partnerships.",
        "edition": 3,
        "language": "en",
        "date": date(2024, 3, 11),
        "skills": ["green-circular-support", "member-upskilling", "policy-ecosystem-alignment"],
        "tags": ["sustainability", "greener business"],
        "external_url": "",
        "pages": [
            "What SMEs face: Customers asking for environmental data, large buyers requiring supplier reporting, new product and packaging rules, energy and material costs, and new markets for greener products. Most SMEs have no sustainability specialist.",
            "Formats by stage: Not yet started: peer visits, short workshops, checklists of upcoming rules. First steps: diagnosis with partners, matchmaking with solution providers. Advanced: mentoring roles, joint projects.",
            "Skills: Survey green skills needs by job role, pool demand across members, co-design short modules with training providers, and explore funding for skills partnerships.",
        ],
    },
    {
        "slug": "community-networking-recording",
        "title": "Recording: designing events that create connections",
        "kind": "recording",
        "description": "Recording of the on-site session on networking formats. It compares a classic presentation-heavy agenda with a redesigned one and collects participants' favourite formats.",
        "edition": 3,
        "language": "en",
        "date": date(2024, 3, 12),
        "skills": ["community-building", "facilitation", "leadership-soft-skills"],
        "tags": ["community", "events", "networking"],
        "external_url": "https://example.org/cba/recordings/community-networking-recording",
        "pages": [
            "Transcript summary: The trainer contrasts two agendas for the same member event. The first has five presentations and a reception; the second has two short inputs, challenge tables, member pitches and planned introductions. Participants discuss which connections each agenda is likely to create.",
            "Formats collected from participants: challenge tables where a member presents a problem; site visits hosted by members; speed introductions for newcomers; walking discussions; closing rounds in which everyone names one person to follow up with.",
        ],
    },
    {
        "slug": "cluster-storytelling-reading-list",
        "title": "Reading list: telling the cluster story",
        "kind": "reading_list",
        "description": "An annotated list of the kinds of resources that help cluster teams communicate: storytelling guides, plain-language writing, member case formats and channel planning. Each entry notes what to take from it.",
        "edition": 3,
        "language": "en",
        "date": date(2024, 3, 12),
        "skills": ["visibility-branding", "community-building", "stakeholder-policy-relations"],
        "tags": ["communication", "community"],
        "external_url": "",
        "pages": [
            "Story and language: A practical guide to storytelling for organisations; take the structure of situation, challenge and change. A plain-language writing guide; take short sentences, active verbs and no jargon.",
            "Cases and channels: Examples of member success stories published by cluster organisations; look at how they credit members. A simple channel plan; decide which audience you reach through which channel and how often.",
        ],
    },
    {
        "slug": "networking-and-projects-slides",
        "title": "From networking to launched projects: slides",
        "kind": "slides",
        "description": "Slides from the closing on-site session on community and networking. They cover community ingredients, the cluster team, and the steps from a promising conversation to a launched joint project.",
        "edition": 3,
        "language": "en",
        "date": date(2024, 3, 12),
        "skills": ["community-building", "collaboration-facilitation", "team-development"],
        "tags": ["community", "launching projects", "networking"],
        "external_url": "",
        "pages": [
            "Community ingredients: Members who know and trust each other, shared stories, recurring rituals, connectors, and a balanced triple helix. Welcome new members personally and introduce them to others.",
            "From conversation to project: Listen for shared problems and complementary offers, propose a follow-up meeting within a week, agree a goal, a lead member and a first action, offer light support, then step back. Start small: a first joint action builds trust for larger projects.",
        ],
    },
]
