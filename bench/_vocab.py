"""Words the benchmark data is made of: job titles, skills, sentences, company names.

Frequencies follow what an I&T job board looks like: a few words ("engineer",
"experience", "team") are in a large share of postings, most skills follow a
Zipf curve, and a few percent of postings are written in Traditional Chinese.
"""

# Enum mixes (key: weight), roughly the Hong Kong I&T Career Expo's published shares.
LEVEL = {"entry": 36, "middle": 34, "senior": 22, "executive": 8}
DEGREE = {"none": 5, "sub_degree": 10, "bachelor": 58, "master": 19, "doctorate": 8}
REGION = {"hong_kong": 64, "gba": 20, "overseas": 7, "remote": 9}
AREA = {
    "ai_data_analytics": 17, "software_communications": 19, "fintech": 12,
    "electronics_sensors": 7, "robotics_automation": 7, "biotech": 7,
    "healthtech_medtech": 7, "microelectronics": 4, "new_materials": 3,
    "smart_city": 7, "sustainability": 5, "other": 5,
}
FUNCTION = {"technology": 46, "research_development": 20, "business": 17,
            "operations": 12, "other": 5}
EMPLOYMENT_TYPE = {"full_time": 76, "part_time": 4, "contract": 9, "internship": 6,
                   "graduate_programme": 5}
PROGRAMME = {"innohk": 8, "innopark": 12, None: 80}

# Monthly HKD salary bands by level.
SALARY = {"entry": (16_000, 28_000), "middle": (28_000, 50_000),
          "senior": (45_000, 90_000), "executive": (80_000, 180_000)}

SENIORITY = {
    "entry": {"": 50, "Junior ": 20, "Graduate ": 15, "Assistant ": 10, "Trainee ": 5},
    "middle": {"": 80, "Senior ": 12, "Lead ": 8},
    "senior": {"Senior ": 60, "Lead ": 20, "Principal ": 12, "Staff ": 8},
    "executive": {"Head of ": 40, "Director, ": 35, "Chief ": 10, "VP, ": 15},
}

# Title nouns by function; specialties by area.
ROLES = {
    "technology": {"Engineer": 55, "Developer": 18, "Architect": 5, "Data Scientist": 7,
                   "Data Analyst": 6, "DevOps Engineer": 4, "QA Engineer": 5},
    "research_development": {"Research Engineer": 25, "Research Scientist": 20,
                             "Research Assistant": 25, "Postdoctoral Fellow": 10,
                             "R&D Engineer": 15, "Laboratory Technician": 5},
    "business": {"Business Development Manager": 25, "Account Manager": 15,
                 "Product Manager": 25, "Marketing Executive": 15, "Sales Engineer": 10,
                 "Business Analyst": 10},
    "operations": {"Project Manager": 30, "Project Coordinator": 15, "Technician": 15,
                   "Production Engineer": 15, "Quality Assurance Engineer": 10,
                   "Supply Chain Analyst": 8, "Operations Executive": 7},
    "other": {"Administrative Officer": 30, "HR Officer": 25, "Finance Officer": 25,
              "Legal Counsel": 10, "Office Assistant": 10},
}
SPECIALTY = {
    "ai_data_analytics": ["Machine Learning", "AI", "Data", "Computer Vision", "NLP",
                          "Big Data", "Analytics"],
    "software_communications": ["Software", "Backend", "Frontend", "Full Stack", "Mobile",
                                "Cloud", "Network", "Telecom", "Platform"],
    "fintech": ["Fintech", "Payments", "Blockchain", "Trading Systems", "RegTech",
                "Quantitative"],
    "electronics_sensors": ["Electronics", "Hardware", "Sensor", "Embedded", "RF",
                            "Firmware"],
    "robotics_automation": ["Robotics", "Automation", "Mechatronics", "Control",
                            "Motion Planning"],
    "biotech": ["Biotech", "Bioinformatics", "Molecular Biology", "Genomics",
                "Bioprocess"],
    "healthtech_medtech": ["Medical Device", "Biomedical", "Digital Health",
                           "Clinical Software", "Medical Imaging"],
    "microelectronics": ["IC Design", "Semiconductor", "Analog", "Digital Verification",
                         "Chip Packaging"],
    "new_materials": ["Materials", "Nanomaterials", "Polymer", "Battery", "Coatings"],
    "smart_city": ["Smart City", "IoT", "GIS", "Smart Building", "Transport Systems"],
    "sustainability": ["ESG", "Renewable Energy", "Environmental", "Carbon",
                       "Green Building"],
    "other": ["General", "Technical", "Systems", "IT"],
}

# Skills by area, most common first: drawn with Zipf weights.
SKILLS = {
    "ai_data_analytics": ["python", "sql", "pytorch", "tensorflow", "pandas", "spark",
                          "scikit-learn", "tableau", "hadoop", "llm", "transformers",
                          "airflow", "opencv", "kafka", "databricks", "xgboost"],
    "software_communications": ["java", "javascript", "python", "react", "typescript",
                                "docker", "aws", "sql", "kubernetes", "spring", "node",
                                "golang", "kotlin", "swift", "flutter", "graphql",
                                "terraform", "rust", "5g", "sdn"],
    "fintech": ["java", "python", "sql", "microservices", "kafka", "blockchain",
                "solidity", "kdb", "fix", "c#", "aml", "kyc", "swift", "ethereum"],
    "electronics_sensors": ["pcb", "c", "altium", "embedded", "stm32", "oscilloscope",
                            "rtos", "fpga", "lidar", "mems", "bluetooth", "emc"],
    "robotics_automation": ["ros", "c++", "python", "plc", "slam", "matlab", "solidworks",
                            "lidar", "kinematics", "gazebo", "servo", "opencv"],
    "biotech": ["pcr", "elisa", "crispr", "cell culture", "ngs", "flow cytometry", "r",
                "python", "gmp", "western blot", "hplc", "bioreactor"],
    "healthtech_medtech": ["iso 13485", "python", "dicom", "fda", "hl7", "fhir",
                           "signal processing", "matlab", "iec 62304", "ultrasound"],
    "microelectronics": ["verilog", "systemverilog", "cadence", "uvm", "spice", "fpga",
                         "tcl", "synopsys", "dft", "asic", "layout", "tsmc"],
    "new_materials": ["xrd", "sem", "tem", "polymer synthesis", "graphene", "perovskite",
                      "electrochemistry", "afm", "thin film", "composites"],
    "smart_city": ["iot", "gis", "python", "bim", "lorawan", "mqtt", "arcgis", "bms",
                   "digital twin", "cctv"],
    "sustainability": ["esg", "carbon accounting", "ghg", "lca", "solar", "hydrogen",
                       "beam plus", "leed", "iso 14001", "energy audit"],
    "other": ["excel", "sap", "powerpoint", "erp", "crm", "salesforce", "jira",
              "confluence"],
}
GENERAL_SKILLS = ["git", "linux", "agile", "scrum", "jira", "excel", "communication",
                  "problem solving", "english", "cantonese", "putonghua", "presentation"]

CITIES = {"hong_kong": ["Hong Kong Science Park", "Cyberport", "Kowloon Bay", "Central",
                        "Kwun Tong", "Tsuen Wan", "Tseung Kwan O InnoPark"],
          "gba": ["Shenzhen", "Guangzhou", "Dongguan", "Zhuhai", "Foshan", "Nansha"],
          "overseas": ["Singapore", "London", "Tokyo", "Sydney", "Toronto"],
          "remote": ["a remote-first setup"]}

INTROS = [
    "We are looking for a {title} to join our {area} team in {city}.",
    "Our {area} team in {city} is growing and we are hiring a {title}.",
    "Join us as a {title} and help build {product} for customers across Asia.",
    "As a {title} you will work on {product} with a small, friendly team.",
    "We are a {area} company based in {city} and we need a {title}.",
]
PRODUCTS = ["a next-generation platform", "products used by millions", "smart devices",
            "clinical tools", "trading systems", "city infrastructure",
            "research prototypes", "cloud services", "manufacturing lines",
            "clean energy solutions", "diagnostic kits", "payment services"]
DUTIES = [
    "You will {verb} {object} using {skill} and {skill}.",
    "Responsibilities include to {verb} {object} and to {verb} {object}.",
    "{Verb} {object} with {skill}, working closely with product and research colleagues.",
    "Work with stakeholders to {verb} {object}.",
    "Take ownership of {object} from design to delivery.",
    "Document and present results to the team and to clients.",
]
VERBS = ["design", "develop", "build", "maintain", "test", "deploy", "analyse", "optimise",
         "support", "lead", "coordinate", "prototype", "validate", "integrate", "monitor"]
OBJECTS = ["new features", "data pipelines", "experiments", "hardware prototypes",
           "production systems", "customer projects", "internal tools", "models",
           "test plans", "client relationships", "lab workflows", "control software",
           "reports and dashboards", "supplier relationships", "quality processes"]
REQUIREMENTS = [
    "{years}+ years of experience with {skill} or {skill}.",
    "Hands-on experience in {skill} is a must; {skill} is a plus.",
    "A {degree} in {field} or a related discipline.",
    "Good command of written and spoken English; Cantonese or Putonghua is an advantage.",
    "Strong analytical and problem-solving skills, and a team player.",
    "Familiar with {skill}, {skill} and {skill}.",
]
ENTRY_LINES = ["Fresh graduates are welcome to apply.",
               "Training will be provided; no prior experience required.",
               "Suitable for final-year students and recent graduates."]
DEGREE_WORDS = {"none": "diploma", "sub_degree": "higher diploma or associate degree",
                "bachelor": "bachelor's degree", "master": "master's degree",
                "doctorate": "PhD"}
FIELDS = ["computer science", "computer engineering", "electrical engineering",
          "mechanical engineering", "biomedical engineering", "physics", "mathematics",
          "statistics", "chemistry", "biology", "materials science",
          "business administration", "finance", "information systems"]
BENEFITS = ["five-day work week", "medical and dental insurance", "performance bonus",
            "flexible working hours", "education allowance", "MPF contribution",
            "annual leave of 15 days", "hybrid working", "stock options",
            "training sponsorship"]

# Traditional Chinese postings (a few percent of all).
ZH_TITLES = ["高級軟件工程師", "軟件工程師", "數據科學家", "數據分析師", "研究助理", "研究工程師",
             "業務發展經理", "嵌入式軟件工程師", "人工智能研究員", "項目經理", "機械人工程師",
             "生物醫學工程師", "產品經理", "電子工程師", "硬件工程師", "測試工程師",
             "行政主任", "市場推廣主任", "實驗室技術員", "可持續發展顧問"]
ZH_AREAS = {"ai_data_analytics": "人工智能及數據分析", "biotech": "生物科技",
            "electronics_sensors": "電子及傳感器", "software_communications": "軟件及通訊",
            "fintech": "金融科技", "robotics_automation": "機械人及自動化",
            "microelectronics": "微電子", "new_materials": "新材料",
            "healthtech_medtech": "醫療科技", "smart_city": "智慧城市",
            "sustainability": "可持續發展", "other": "創新科技"}
ZH_CITIES = {"hong_kong": "香港科學園", "gba": "深圳", "overseas": "新加坡", "remote": "遙距"}
ZH_LINES = [
    "我們正在招聘{title}，加入我們在{city}的{area}團隊。",
    "負責設計、開發及維護{area}相關系統。",
    "具備{years}年或以上相關工作經驗，熟悉 {skill} 及 {skill}。",
    "持有大學學位或以上學歷，主修計算機科學、電子工程或相關學科。",
    "良好的中英文溝通能力，能操流利廣東話及普通話。",
    "與研究團隊緊密合作，推動產品研發及商品化。",
    "提供具競爭力的薪酬、醫療保險、年終花紅及五天工作。",
    "歡迎應屆畢業生申請，公司提供完善培訓。",
]
# A bilingual line some English postings carry.
ZH_FOOTER = "良好的中英文溝通能力。歡迎應屆畢業生申請。"

# Company names: two parts and a suffix, plus a few Chinese names.
NAME_HEADS = ["Nova", "Quantum", "Harbour", "Jade", "Pearl", "Kowloon", "Victoria",
              "Lion Rock", "Dragon", "Phoenix", "Orient", "Sino", "Apex", "Vertex", "Helix",
              "Cyber", "Aster", "Bauhinia", "Cobalt", "Delta", "Ember", "Falcon", "Granite",
              "Horizon", "Iris", "Junction", "Kite", "Lumen", "Meridian", "Nimbus", "Onyx",
              "Prism", "Quartz", "Radiant", "Sapphire", "Tidal", "Umbra", "Vector", "Willow",
              "Xenon", "Yonder", "Zenith", "Beacon", "Crescent", "Dynamo", "Echo", "Fusion",
              "Gemini", "Halo", "Ion", "Kinetic", "Lotus", "Magnet", "Neon", "Orbit",
              "Pulse", "Ripple", "Summit", "Titan", "Unity"]
NAME_TAILS = ["Tech", "Labs", "Robotics", "Bio", "Sensors", "Data", "Systems", "Dynamics",
              "AI", "Materials", "Medical", "Energy", "Networks", "Semiconductor",
              "Analytics", "Fintech", "Pay", "Genomics", "Mobility", "Vision", "Cloud",
              "Devices", "Therapeutics", "Automation", "Photonics", "Security", "Logistics",
              "Health", "Quantum", "Digital"]
NAME_SUFFIXES = ["Limited", "Technologies Limited", "Holdings Limited", "(HK) Limited",
                 "Company Limited", "Innovations Limited"]
ZH_COMPANY_HEADS = ["香港", "港島", "九龍", "新界", "灣區", "創新", "智能", "未來", "寰宇", "恒星"]
ZH_COMPANY_TAILS = ["科技有限公司", "數據科技有限公司", "生物科技有限公司", "機械人有限公司",
                    "智慧城市有限公司", "醫療科技有限公司"]
