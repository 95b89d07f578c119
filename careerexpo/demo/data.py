"""The vocabulary of the demo expo: invented company names, titles and sentences.

Every company name is made up (``.example`` websites); any likeness to a real
firm is accidental. Keys are the enum keys of DOMAIN.md.
"""

NAME_HEADS = ["Amber", "Tide", "Kestrel", "Jade", "Cobalt", "Pearl", "Lantern", "Monsoon",
              "Cinder", "Quartz", "Cedar", "Beacon", "Lotus", "Coral", "Falcon", "Ember",
              "Summit", "Sampan", "Kapok", "Egret", "Bamboo", "Orchid", "Granite", "Nimbus"]
NAME_TAILS = ["kite", "well", "forge", "stone", "wave", "field", "gate", "bridge", "path",
              "crest", "harbour", "peak", "ridge", "brook"]
NAME_SUFFIXES = ["", "", "", " Limited", " Technologies", " Labs", " Group"]

AREA_STEMS = {
    "ai_data_analytics": ["Analytics", "AI", "Data Labs", "Intelligence", "Insight"],
    "biotech": ["Biosciences", "Therapeutics", "Genomics", "Biologics"],
    "electronics_sensors": ["Sensors", "Electronics", "Sensing", "Photonics"],
    "software_communications": ["Software", "Networks", "Cloud", "Systems"],
    "fintech": ["Pay", "Ledger", "Fintech", "Capital Technology"],
    "robotics_automation": ["Robotics", "Automation", "Mechatronics"],
    "microelectronics": ["Semiconductor", "Microsystems", "Silicon"],
    "new_materials": ["Materials", "Composites", "Nanomaterials"],
    "healthtech_medtech": ["Health", "Medical", "Diagnostics", "MedTech"],
    "smart_city": ["Mobility", "Urban Technology", "Smart Systems"],
    "sustainability": ["Energy", "CleanTech", "Carbon Solutions"],
    "other": ["Innovations", "Ventures", "Technology"],
}

# Research centres in the style of the InnoHK clusters (AI and robotics; health).
CENTRE_KINDS = ["Centre for", "Laboratory for", "Institute of"]
CENTRE_TOPICS = {
    "ai_data_analytics": ["Trustworthy Machine Perception", "Adaptive Language Intelligence",
                          "Spatial Vision Computing", "Federated Learning Systems",
                          "Explainable Decision Science", "Multimodal Foundation Models",
                          "Graph Learning and Reasoning", "Edge AI Computing",
                          "Speech and Cantonese Language Technology", "Causal Data Science"],
    "biotech": ["Regenerative Cell Engineering", "Antibody Discovery", "Microbiome Therapeutics",
                "Synthetic Gene Circuits", "RNA Medicine", "Protein Design",
                "Marine Natural Products", "Cellular Ageing Biology", "Structural Virology"],
    "healthtech_medtech": ["Digital Pathology", "Wearable Health Monitoring",
                           "Precision Ultrasound", "Rehabilitation Engineering",
                           "Point-of-Care Diagnostics", "Surgical Imaging"],
    "robotics_automation": ["Soft Surgical Robotics", "Collaborative Robot Learning",
                            "Autonomous Field Robotics", "Dexterous Manipulation",
                            "Swarm Drone Systems", "Assistive Exoskeletons"],
}
RESEARCH_FOCUS = {
    "ai_data_analytics": "machine perception, language and decision-making",
    "biotech": "new therapies and the biology behind them",
    "healthtech_medtech": "medical devices, imaging and digital health",
    "robotics_automation": "robots that work safely alongside people",
}

AREA_PITCH = {
    "ai_data_analytics": "builds machine-learning systems that turn operational data into "
                         "forecasts and decisions for retailers, ports and hospitals",
    "biotech": "develops biologic therapies and the assays that test them, from discovery to "
               "pre-clinical studies",
    "electronics_sensors": "designs sensors and the electronics around them for wearables, "
                           "buildings and industrial equipment",
    "software_communications": "builds cloud software and communication platforms used by "
                               "businesses across Asia",
    "fintech": "builds payment, lending and compliance software for banks and fast-growing "
               "merchants",
    "robotics_automation": "designs robots and automation systems for warehouses, hospitals "
                           "and factories",
    "microelectronics": "designs integrated circuits for power management, sensing and "
                        "connectivity",
    "new_materials": "engineers advanced materials and coatings for batteries, construction "
                     "and consumer products",
    "healthtech_medtech": "builds medical devices and digital health tools that help "
                          "clinicians diagnose earlier",
    "smart_city": "builds the systems behind smarter transport, buildings and public services",
    "sustainability": "builds technology that cuts energy use and carbon emissions in "
                      "buildings and supply chains",
    "other": "turns research from Hong Kong universities into products for international markets",
}

AREA_FIELD = {
    "ai_data_analytics": "computer science, statistics or mathematics",
    "biotech": "biology, biochemistry or biomedical sciences",
    "electronics_sensors": "electronic or electrical engineering",
    "software_communications": "computer science or information engineering",
    "fintech": "computer science, finance or economics",
    "robotics_automation": "mechanical, electrical or mechatronic engineering",
    "microelectronics": "electronic engineering or applied physics",
    "new_materials": "materials science, chemistry or physics",
    "healthtech_medtech": "biomedical engineering or a health science",
    "smart_city": "civil engineering, computer science or urban planning",
    "sustainability": "environmental science, energy or building services engineering",
    "other": "science, engineering or business",
}

# (technology titles, research_development titles, technology duty, R&D duty) by area.
AREA_ROLES = {
    "ai_data_analytics": (
        ["Data Engineer", "Machine Learning Engineer", "Data Analyst", "MLOps Engineer"],
        ["Data Scientist", "Research Scientist, Machine Learning", "Research Engineer, NLP"],
        "build the data pipelines and models behind our products",
        "design and test new models for vision and language tasks"),
    "biotech": (
        ["Bioinformatics Engineer", "Laboratory Automation Engineer", "Process Engineer"],
        ["Research Scientist, Cell Biology", "Research Assistant", "Scientist, Assay Development"],
        "keep our laboratory data and instruments running smoothly",
        "plan and run experiments, then analyse and present the results"),
    "electronics_sensors": (
        ["Electronic Engineer", "Hardware Engineer", "Firmware Engineer", "Test Engineer"],
        ["R&D Engineer, Sensors", "Optical Engineer", "Research Engineer, Signal Processing"],
        "design, build and test circuit boards and their firmware",
        "prototype new sensing techniques and characterise their accuracy"),
    "software_communications": (
        ["Software Engineer", "Backend Engineer", "Frontend Engineer", "DevOps Engineer",
         "Mobile App Developer"],
        ["Research Engineer, Wireless Systems", "Software Engineer, R&D"],
        "build, test and ship features used by thousands of customers",
        "explore new protocols and turn prototypes into production code"),
    "fintech": (
        ["Software Engineer", "Quantitative Developer", "Security Engineer", "Data Analyst"],
        ["Quantitative Researcher", "Research Engineer, Risk Models"],
        "build secure and reliable payment and trading services",
        "research and validate models for credit and market risk"),
    "robotics_automation": (
        ["Robotics Software Engineer", "Mechanical Engineer", "Automation Engineer"],
        ["Research Engineer, Robot Learning", "Control Systems Engineer"],
        "integrate robots with sensors, controllers and customer systems",
        "develop perception and control algorithms and test them on real robots"),
    "microelectronics": (
        ["IC Design Engineer", "Verification Engineer", "Layout Engineer"],
        ["Device Physicist", "R&D Engineer, Analog Circuits"],
        "design and verify chips from specification to tape-out",
        "model new devices and validate them on test silicon"),
    "new_materials": (
        ["Process Engineer", "Materials Engineer", "Quality Engineer"],
        ["Materials Scientist", "Research Chemist", "Research Assistant"],
        "scale up new materials from the laboratory to pilot production",
        "synthesise and characterise new materials"),
    "healthtech_medtech": (
        ["Biomedical Engineer", "Software Engineer, Medical Devices", "Clinical Data Analyst"],
        ["Research Engineer, Medical Imaging", "Clinical Research Associate"],
        "develop and validate medical devices to regulatory standards",
        "run studies with hospital partners and analyse clinical data"),
    "smart_city": (
        ["IoT Engineer", "Software Engineer", "GIS Analyst", "Solutions Engineer"],
        ["Research Engineer, Urban Analytics", "Transport Data Scientist"],
        "deploy and maintain connected systems across the city",
        "model traffic, energy and people flows to improve city services"),
    "sustainability": (
        ["Energy Engineer", "Software Engineer", "Building Services Engineer"],
        ["Research Engineer, Battery Systems", "Carbon Data Scientist"],
        "design and commission energy-saving systems for our clients",
        "measure and model emissions and test new ways to cut them"),
    "other": (
        ["Software Engineer", "Technical Support Engineer", "Product Engineer"],
        ["Research Assistant", "Innovation Engineer"],
        "build and support the tools our teams and customers use",
        "turn research results into working prototypes"),
}

GENERAL_ROLES = {
    "business": (["Business Development Manager", "Product Manager", "Account Executive",
                  "Marketing Executive", "Solutions Consultant"],
                 "grow our customer base in Hong Kong and the Greater Bay Area"),
    "operations": (["Operations Executive", "Project Coordinator", "Quality Assurance Specialist",
                    "Laboratory Manager", "Supply Chain Analyst"],
                   "keep projects, suppliers and quality on track"),
    "other": (["Administrative Officer", "HR Executive", "Finance Executive",
               "Communications Officer"],
              "look after our people, finances and communications"),
}

EXECUTIVE_TITLES = {
    "technology": ["Head of Engineering", "Chief Technology Officer", "Director of Engineering"],
    "research_development": ["Head of Research", "Director of R&D", "Chief Scientific Officer"],
    "business": ["Head of Business Development", "Chief Commercial Officer"],
    "operations": ["Head of Operations", "Chief Operating Officer"],
    "other": ["Head of People", "Financial Controller"],
}

# Traditional Chinese, so CJK search has something to find in the demo.
CHINESE_TITLES = {
    "Software Engineer": "軟件工程師", "Data Scientist": "數據科學家",
    "Data Engineer": "數據工程師", "Data Analyst": "數據分析師",
    "Machine Learning Engineer": "機器學習工程師", "Backend Engineer": "後端工程師",
    "Frontend Engineer": "前端工程師", "Mobile App Developer": "流動應用程式開發員",
    "Security Engineer": "資訊保安工程師", "Quantitative Developer": "量化開發員",
    "Electronic Engineer": "電子工程師", "Hardware Engineer": "硬件工程師",
    "Firmware Engineer": "韌體工程師", "Test Engineer": "測試工程師",
    "Mechanical Engineer": "機械工程師", "Automation Engineer": "自動化工程師",
    "Robotics Software Engineer": "機械人軟件工程師", "IC Design Engineer": "集成電路設計工程師",
    "Biomedical Engineer": "生物醫學工程師", "Bioinformatics Engineer": "生物資訊工程師",
    "Materials Engineer": "材料工程師", "Materials Scientist": "材料科學家",
    "Research Assistant": "研究助理", "Process Engineer": "工藝工程師",
    "IoT Engineer": "物聯網工程師", "Energy Engineer": "能源工程師",
    "Business Development Manager": "業務發展經理", "Product Manager": "產品經理",
    "Account Executive": "客戶主任", "Marketing Executive": "市場推廣主任",
    "Operations Executive": "營運主任", "Project Coordinator": "項目統籌",
    "Laboratory Manager": "實驗室經理", "Administrative Officer": "行政主任",
    "HR Executive": "人力資源主任", "Finance Executive": "會計主任",
}
AREA_CHINESE = {
    "ai_data_analytics": "人工智能及數據分析", "biotech": "生物科技",
    "electronics_sensors": "電子及傳感器", "software_communications": "軟件及通訊",
    "fintech": "金融科技", "robotics_automation": "機械人及自動化", "microelectronics": "微電子",
    "new_materials": "新材料", "healthtech_medtech": "醫療科技", "smart_city": "智慧城市",
    "sustainability": "可持續發展", "other": "創新科技",
}

DEGREE_SENTENCES = {
    "doctorate": "You hold a PhD in {field}, or will complete one this year.",
    "master": "You have a master's degree in {field}.",
    "bachelor": "You have a bachelor's degree in {field}, or in a related discipline.",
    "sub_degree": "A higher diploma or associate degree in {field} is enough to start.",
    "none": "No degree is required: curiosity and a record of getting things done matter more.",
}
LEVEL_SENTENCES = {
    "entry": "As our {title}, you will {duty}, learning from experienced colleagues as you go.",
    "middle": "As our {title}, you will {duty} and own your work from design to delivery.",
    "senior": "As our {title}, you will lead a small team to {duty} and mentor junior colleagues.",
    "executive": "As {title}, you will set the direction for the team and {duty}, reporting "
                 "to the founders.",
}
PERKS = [
    "We offer hybrid working, a yearly training budget and medical insurance.",
    "The team works at Hong Kong Science Park, with occasional trips to Shenzhen.",
    "You will present your work at our virtual booth during the expo week.",
    "We support relocation and work-visa applications for the right candidate.",
]

TECHNICAL = ("technology", "research_development")
OVERSEAS_CITIES = ["Singapore", "London", "Toronto", "Sydney", "Munich", "Tokyo"]
INNOPARKS = ["Tai Po", "Tseung Kwan O", "Yuen Long"]
# Where roles are based, by region: (city, ISO 3166-1 alpha-2 country). Hong Kong roles
# name the district of the office; remote roles name no place.
ROLE_PLACES = {
    "hong_kong": [("Sha Tin", "HK"), ("Kwun Tong", "HK"), ("Central", "HK"),
                  ("Pok Fu Lam", "HK"), ("Tseung Kwan O", "HK"), ("Tai Po", "HK")],
    "gba": [("Shenzhen", "CN"), ("Guangzhou", "CN"), ("Dongguan", "CN"), ("Foshan", "CN"),
            ("Zhuhai", "CN")],
    "overseas": [("Singapore", "SG"), ("London", "GB"), ("Toronto", "CA"), ("Sydney", "AU"),
                 ("Munich", "DE"), ("Tokyo", "JP")],
}


def place_the_team(description: str, region: str, city: str | None) -> str:
    """The description with its sentence about where the team works made true of the role's
    place (the perk is dealt before the place is)."""
    if region == "hong_kong":
        return description
    where = (f"The team works in {city}, with occasional trips to Hong Kong." if city
             else "The team works remotely and meets in Hong Kong now and then.")
    return description.replace(PERKS[1], where)


def role_place(rng, region: str) -> tuple[str | None, str | None]:
    """A sensible (city, country) for a role based in ``region``."""
    places = ROLE_PLACES.get(region)
    return rng.choice(places) if places else (None, None)


def company_name(rng, programme: str | None, area: str, taken: set[str]) -> str:
    """A new invented name (added to ``taken``): a research centre for InnoHK, else a firm."""
    topics = [t for t in CENTRE_TOPICS.get(area, []) if t.lower() not in taken]
    if programme == "innohk" and topics:
        topic = rng.choice(topics)
        taken.add(topic.lower())  # one centre per topic, whatever it is called
        return f"{rng.choice(CENTRE_KINDS)} {topic}"
    for attempt in range(200):
        name = (rng.choice(NAME_HEADS) + rng.choice(NAME_TAILS) + " "
                + rng.choice(AREA_STEMS[area]) + rng.choice(NAME_SUFFIXES))
        if attempt >= 100:  # a very large demo runs out of combinations
            name += f" {attempt - 98}"
        if name.lower() not in taken:
            taken.add(name.lower())
            return name
    raise RuntimeError("ran out of demo company names")


def company_pitch(name: str, programme: str | None, area: str) -> str:
    """The sentence that says what a company does."""
    if programme == "innohk" and area in RESEARCH_FOCUS:
        return (f"{name} is an InnoHK research centre at Hong Kong Science Park working on "
                f"{RESEARCH_FOCUS[area]}.")
    return f"{name} {AREA_PITCH[area]}."


def company_description(rng, name: str, programme: str | None, area: str,
                        offices: tuple[str, ...]) -> str:
    first = company_pitch(name, programme, area)
    if programme == "innohk":
        return first + " It works with universities in Hong Kong and abroad."
    if programme == "innopark":
        return first + f" Its production facility is at INNOPARK {rng.choice(INNOPARKS)}."
    places = {"hong_kong": "Hong Kong", "gba": "Shenzhen", "overseas": rng.choice(OVERSEAS_CITIES)}
    where = [places[o] for o in offices]
    listed = where[0] if len(where) == 1 else ", ".join(where[:-1]) + " and " + where[-1]
    return first + f" Its teams work in {listed}."


def website(name: str) -> str:
    """An address under the reserved ``.example`` domain, so no real site is named."""
    words = "".join(ch if ch.isalnum() else " " for ch in name.lower()).split()
    return f"https://{'-'.join(words)}.example"


def job_title(rng, area: str, function: str, level: str, employment_type: str,
              chinese: bool) -> str:
    """A title that fits the area, function and level; with ``chinese``, in both languages."""
    if function in TECHNICAL:
        base = rng.choice(AREA_ROLES[area][TECHNICAL.index(function)])
    else:
        base = rng.choice(GENERAL_ROLES[function][0])
    if level == "executive":
        title = rng.choice(EXECUTIVE_TITLES[function])
    elif level == "senior":
        title = ("Principal " if rng.random() < 0.2 else "Senior ") + base
    elif employment_type == "internship":
        title = f"{base} Intern"
    elif employment_type == "graduate_programme":
        title = f"Graduate {base}"
    elif level == "entry" and rng.random() < 0.25:
        title = f"Junior {base}"
    else:
        title = base
    if chinese and base in CHINESE_TITLES:
        title += f" {CHINESE_TITLES[base]}"
    return title


def job_description(rng, company_pitch: str, title: str, area: str, function: str, level: str,
                    degree: str, open_to_overseas: bool, chinese: bool) -> str:
    """Three to five sentences: the company, the role, the degree, perhaps perks and Chinese."""
    if function in TECHNICAL:
        duty = AREA_ROLES[area][2 + TECHNICAL.index(function)]
        subject = AREA_FIELD[area]
    else:
        duty = GENERAL_ROLES[function][1]
        subject = "business, science or engineering"
    sentences = [
        company_pitch,
        LEVEL_SENTENCES[level].format(title=title, duty=duty),
        DEGREE_SENTENCES[degree].format(field=subject),
    ]
    perks = PERKS if open_to_overseas else PERKS[:-1]
    if rng.random() < 0.6:
        sentences.append(rng.choice(perks))
    if chinese:
        sentences.append(f"本職位屬{AREA_CHINESE[area]}範疇，歡迎本地、大灣區及海外人才申請。")
    return " ".join(sentences)
