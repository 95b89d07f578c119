"""Google's JobPosting rules as a JSON Schema, for the markup on role pages.

https://developers.google.com/search/docs/appearance/structured-data/job-posting

Required by Google: title, description, datePosted, hiringOrganization and jobLocation
(or, for a fully remote role, jobLocationType TELECOMMUTE with
applicantLocationRequirements). Recommended, and always given here: directApply,
employmentType and identifier; baseSalary and validThrough whenever the role has them.
"""

ORGANISATION = {
    "type": "object",
    "required": ["@type", "name"],
    "properties": {"@type": {"const": "Organization"}, "name": {"type": "string", "minLength": 1},
                   "sameAs": {"type": "string", "format": "uri"}},
}
ADDRESS = {
    "type": "object",
    "required": ["@type", "addressCountry"],
    "properties": {"@type": {"const": "PostalAddress"},
                   "addressCountry": {"type": "string", "pattern": "^[A-Z]{2}$"},
                   "addressLocality": {"type": "string", "minLength": 1},
                   "addressRegion": {"type": "string", "minLength": 1}},
    # A mainland address names its province.
    "if": {"properties": {"addressCountry": {"const": "CN"}}},
    "then": {"required": ["addressRegion"], "properties": {"addressRegion": {
        "const": "Guangdong"}}},
}
COUNTRY = {"type": "object", "required": ["@type", "name"],
           "properties": {"@type": {"const": "Country"}, "name": {"type": "string"}}}
SALARY = {
    "type": "object",
    "required": ["@type", "currency", "value"],
    "properties": {
        "@type": {"const": "MonetaryAmount"},
        "currency": {"const": "HKD"},
        "value": {
            "type": "object",
            "required": ["@type", "unitText"],
            "properties": {"@type": {"const": "QuantitativeValue"}, "unitText": {"const": "MONTH"},
                           "minValue": {"type": "number", "minimum": 0},
                           "maxValue": {"type": "number", "minimum": 0}},
            "anyOf": [{"required": ["minValue"]}, {"required": ["maxValue"]}],
        },
    },
}
EDUCATION = {"anyOf": [
    {"const": "no requirements"},
    {"type": "object", "required": ["@type", "credentialCategory"],
     "properties": {"@type": {"const": "EducationalOccupationalCredential"},
                    "credentialCategory": {"enum": [
                        "high school", "associate degree", "bachelor degree",
                        "professional certificate", "postgraduate degree"]}}},
]}
EXPERIENCE = {"anyOf": [
    {"const": "no requirements"},
    {"type": "object", "required": ["@type", "monthsOfExperience"],
     "properties": {"@type": {"const": "OccupationalExperienceRequirements"},
                    "monthsOfExperience": {"type": "integer", "minimum": 1}}},
]}

JOB_POSTING = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["@context", "@type", "title", "description", "datePosted",
                 "hiringOrganization", "employmentType", "directApply", "identifier",
                 "educationRequirements", "experienceRequirements", "url"],
    # Where the role is: an office, or remote work from named countries.
    "anyOf": [{"required": ["jobLocation"]}, {"required": ["jobLocationType"]}],
    "properties": {
        "@context": {"enum": ["https://schema.org/", "https://schema.org"]},
        "@type": {"const": "JobPosting"},
        "title": {"type": "string", "minLength": 1, "maxLength": 200},
        # HTML, in paragraphs.
        "description": {"type": "string", "pattern": "^<p>.*</p>$"},
        "datePosted": {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        "validThrough": {"type": "string", "format": "date-time",
                         "pattern": r"T\d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}:\d{2}$"},
        "hiringOrganization": ORGANISATION,
        "employmentType": {"enum": ["FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY",
                                    "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER"]},
        "directApply": {"const": True},
        "identifier": {"type": "object", "required": ["@type", "name", "value"],
                       "properties": {"@type": {"const": "PropertyValue"},
                                      "name": {"type": "string", "minLength": 1},
                                      "value": {"type": "string", "minLength": 1}}},
        "url": {"type": "string", "format": "uri"},
        "jobLocation": {"type": "object", "required": ["@type", "address"],
                        "properties": {"@type": {"const": "Place"}, "address": ADDRESS}},
        "jobLocationType": {"const": "TELECOMMUTE"},
        "applicantLocationRequirements": {"type": "array", "minItems": 1, "items": COUNTRY},
        "baseSalary": SALARY,
        "educationRequirements": EDUCATION,
        "experienceRequirements": EXPERIENCE,
    },
    # A fully remote role names where its applicants may be, and no office.
    "dependentRequired": {"jobLocationType": ["applicantLocationRequirements"],
                          "applicantLocationRequirements": ["jobLocationType"]},
    "if": {"required": ["jobLocationType"]},
    "then": {"not": {"required": ["jobLocation"]}},
}
