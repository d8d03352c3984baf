/**
 * Word lists for synthetic knowledge bases: the titles, names and prose of partnerships,
 * concepts, actors, documents and quotes as a foreign ministry would add them.
 * Order matters where lists are drawn with a skew: common words first.
 */

export const TOPICS = [
  "Climate Finance", "Clean Energy", "Food Security", "Vaccine Equity", "Digital Public Infrastructure",
  "Ocean Resilience", "Clean Water", "Pandemic Preparedness", "Energy Transition", "Critical Minerals",
  "Cyber Resilience", "Migration Governance", "Debt Relief", "Girls Education", "Forest Protection",
  "Methane Reduction", "Semiconductor Supply Chains", "Maritime Security", "Nuclear Safety", "Refugee Protection",
  "Artificial Intelligence Safety", "Disaster Risk Reduction", "Urban Resilience", "Sustainable Agriculture",
  "Antimicrobial Resistance", "Mine Action", "Counterterrorism Financing", "Election Integrity", "Press Freedom",
  "Anticorruption", "Tax Transparency", "Trade Facilitation", "Green Hydrogen", "Clean Cooking", "Rural Electrification",
  "Coral Reef Restoration", "Fisheries Management", "Plastic Pollution", "Biodiversity Finance", "Drought Resilience",
  "Heat Action", "Early Warning Systems", "Universal Health Coverage", "Maternal Health", "Child Nutrition",
  "Malaria Elimination", "Polio Eradication", "Tuberculosis Control", "Mental Health", "Road Safety",
  "Space Debris", "Arctic Cooperation", "Water Diplomacy", "Transboundary Rivers", "Land Restoration",
  "Carbon Markets", "Adaptation Finance", "Loss and Damage", "Just Energy Transition", "Grid Interconnection",
  "Battery Supply Chains", "Open Data", "Digital Identity", "Data Protection", "Internet Access",
  "Financial Inclusion", "Remittances", "Small Business Finance", "Skills Development", "Youth Employment",
  "Gender Equality", "Indigenous Rights", "Peacebuilding", "Humanitarian Access", "Demining",
  "Arms Control", "Nonproliferation", "Export Controls", "Port Infrastructure", "Rail Connectivity",
  "Sustainable Tourism", "Cultural Heritage", "Scientific Cooperation", "Vaccine Manufacturing", "Health Workforce",
  "Air Quality", "Wildfire Prevention", "Mangrove Protection", "Sea Level Rise", "Blue Economy",
  "Illegal Fishing", "Wildlife Trafficking", "Human Trafficking", "Statelessness", "Rule of Law",
  "Judicial Reform", "Local Governance", "Fiscal Decentralisation", "Public Procurement", "Quantum Research",
];

export const BODIES = [
  "Partnership", "Alliance", "Coalition", "Initiative", "Forum", "Compact", "Facility", "Network",
  "Platform", "Fund", "Dialogue", "Programme", "Consortium", "Accelerator", "Hub", "Council",
];

export const SCOPES = [
  "Global", "International", "Regional", "African", "Pacific", "Atlantic", "Asian", "Caribbean", "Andean",
  "Mediterranean", "Nordic", "Sahel", "Mekong", "Gulf", "Baltic", "Danube", "Amazon", "Indian Ocean",
  "Southern African", "West African", "East African", "Central Asian", "Latin American", "Arab", "Balkan",
  "Black Sea", "Great Lakes", "Horn of Africa", "South Asian", "Southeast Asian", "Transatlantic", "Polar",
];

export const CONCEPT_ADJECTIVES = [
  "Networked", "Adaptive", "Minilateral", "Inclusive", "Variable", "Issue-Based", "Distributed", "Hybrid",
  "Polycentric", "Transactional", "Principled", "Pragmatic", "Layered", "Flexible", "Coalitional", "Reciprocal",
  "Strategic", "Normative", "Functional", "Embedded", "Contested", "Shared", "Conditional", "Participatory",
  "Experimental", "Plurilateral", "Subnational", "Transnational", "Cooperative", "Competitive",
];

export const CONCEPT_NOUNS = [
  "Legitimacy", "Multilateralism", "Sovereignty", "Diplomacy", "Governance", "Accountability", "Alignment",
  "Hedging", "Leadership", "Interdependence", "Resilience", "Burden Sharing", "Ownership", "Convening Power",
  "Agenda Setting", "Norm Building", "Coalition Building", "Orchestration", "Complementarity", "Subsidiarity",
  "Delegation", "Legitimation", "Trust Building", "Co-Creation", "Mission Creep", "Forum Shopping",
];

export const FIRST_NAMES = [
  "Amina", "Carlos", "Mei", "Olusegun", "Ingrid", "Rahul", "Fatima", "Jonas", "Lucia", "Kwame", "Sofia", "Hiroshi",
  "Elena", "Tariq", "Nadia", "Pierre", "Grace", "Mateo", "Aiko", "Samuel", "Leila", "Viktor", "Chiara", "Tunde",
  "Marta", "Arjun", "Hana", "Diego", "Zainab", "Lars", "Isabel", "Kofi", "Yuki", "Omar", "Anya", "Rafael",
  "Priya", "Henrik", "Ngozi", "Tomas", "Layla", "Dmitri", "Camila", "Jae", "Esther", "Malik", "Ana", "Sven",
  "Thandiwe", "Ravi", "Noor", "Felipe", "Keiko", "Moses", "Clara", "Bilal", "Rosa", "Erik", "Wanjiru", "Andrei",
];

export const LAST_NAMES = [
  "Okafor", "Mendes", "Zhang", "Lindqvist", "Sharma", "Haddad", "Novak", "Fernandes", "Mensah", "Tanaka",
  "Rossi", "Khalil", "Dubois", "Achieng", "Morales", "Sato", "Adeyemi", "Petrov", "Bianchi", "Nwosu", "Santos",
  "Kim", "Osei", "Larsen", "Ibrahim", "Costa", "Nakamura", "Diallo", "Kowalski", "Reyes", "Mwangi", "Hassan",
  "Yamamoto", "Eriksen", "Banda", "Silva", "Park", "Abebe", "Moreau", "Gupta", "Kariuki", "Vargas", "Sokolov",
  "Ndlovu", "Lopez", "Suzuki", "Boateng", "Schmidt", "Chatterjee", "Owusu", "Romano", "Aziz", "Andersen",
  "Mutua", "Castillo", "Ito", "Traore", "Horvat", "Rahman", "Jansen", "Cruz", "Kamara", "Wolff", "Das",
  "Tshabalala", "Ortiz", "Kato", "Baptiste", "Yilmaz", "Moyo", "Ferreira", "Lee", "Keita", "Nielsen", "Bose",
];

export const ROLES = [
  "Minister of Foreign Affairs", "Special Envoy for Climate", "Ambassador to the United Nations",
  "Director-General", "Secretary-General", "Minister of Finance", "National Security Adviser",
  "Chief Negotiator", "Executive Director", "President", "Prime Minister", "Deputy Foreign Minister",
  "Head of Delegation", "Development Minister", "Trade Representative", "Health Minister",
];

export const COUNTRIES = [
  "Kenya", "Brazil", "Indonesia", "Norway", "Ghana", "Chile", "Viet Nam", "Morocco", "Germany", "India",
  "Nigeria", "Mexico", "Japan", "Senegal", "Colombia", "Bangladesh", "Canada", "Egypt", "Fiji", "Peru",
  "South Africa", "Kazakhstan", "Philippines", "Sweden", "Ethiopia", "Jordan", "Argentina", "Estonia",
  "Rwanda", "Thailand", "Tunisia", "New Zealand", "Pakistan", "Ecuador", "Namibia", "Portugal", "Mongolia",
];

export const CITIES = [
  "Nairobi", "Geneva", "Jakarta", "Bogota", "Accra", "Lima", "Hanoi", "Rabat", "Bonn", "Addis Ababa",
  "Dakar", "Manila", "Santiago", "Oslo", "Tunis", "Kigali", "Suva", "Astana", "Cairo", "Lisbon",
  "Windhoek", "Montevideo", "Bangkok", "Tallinn", "Amman", "Dhaka", "Ottawa", "Quito", "Islamabad", "Wellington",
];

export const DOCUMENT_FORMS = [
  "Declaration on", "Action Plan for", "Communique on", "Roadmap for", "Charter on", "Framework for",
  "Call to Action on", "Principles on", "Agenda for", "Statement on", "Strategy for", "Commitments on",
];

export const ISSUERS = [
  "Group of Twenty", "United Nations General Assembly", "African Union", "European Union", "ASEAN",
  "World Health Organization", "World Bank", "Organisation of American States", "Pacific Islands Forum",
  "Commonwealth", "OECD", "Group of Seven", "Council of Europe", "League of Arab States",
];

/** Who sits at the table, for prose and member lists. */
export const STAKEHOLDERS = [
  "governments", "development banks", "civil society organisations", "private foundations", "universities",
  "technology companies", "city networks", "trade unions", "research institutes", "indigenous organisations",
  "youth networks", "insurers", "pension funds", "faith groups", "standards bodies", "regional organisations",
  "philanthropies", "small businesses", "farmer cooperatives", "health agencies",
];

/** Prose words, common first (drawn with a skew). */
export const VERBS = [
  "mobilises", "coordinates", "finances", "supports", "convenes", "strengthens", "scales", "monitors",
  "accelerates", "pools", "aligns", "tracks", "builds", "expands", "measures", "channels", "brokers",
  "standardises", "pilots", "evaluates", "catalyses", "underwrites", "negotiates", "certifies", "audits",
];

export const OBJECTS = [
  "national plans", "public investment", "technical assistance", "private capital", "shared standards",
  "open data", "local capacity", "regional markets", "pilot projects", "concessional loans", "grant funding",
  "peer review", "joint research", "policy dialogue", "procurement reform", "guarantee schemes",
  "knowledge exchange", "monitoring frameworks", "early warning data", "blended finance", "training programmes",
  "supply chains", "emergency stockpiles", "legal frameworks", "independent evaluations", "results reporting",
];

export const QUALITIES = [
  "measurable", "transparent", "inclusive", "accountable", "ambitious", "credible", "voluntary", "binding",
  "country-led", "results-based", "demand-driven", "time-bound", "independent", "open", "durable",
];

export const FIGURES = [
  "40 countries", "120 member organisations", "USD 2 billion", "12 million households", "300 cities",
  "18 regional hubs", "USD 450 million", "60 percent of members", "5,000 health workers", "75 ports",
  "1.5 million hectares", "900 schools", "USD 12 billion", "25 ministries", "3 million farmers",
];

/** For out-of-domain questions: what people ask a chat bot that Attaché knows nothing about. */
export const OFF_TOPIC_SUBJECTS = [
  "banana bread", "printer", "password", "football scores", "weather", "pizza", "guitar chords", "holiday",
  "parking", "lunch menu", "wifi", "laptop battery", "birthday cake", "movie times", "yoga class", "coffee machine",
  "spreadsheet formula", "dentist", "train tickets", "cat food", "running shoes", "podcast", "jokes", "horoscope",
];

export const OFF_TOPIC_FRAMES = [
  "{s} recipe", "how do I fix my {s}", "best {s} near me", "{s} tomorrow", "where is the {s}", "reset {s}",
  "cheap {s}", "{s} tips", "tell me a {s}", "is the {s} open today", "{s} not working", "{s} in {c}",
];
