"""Fixed reference data the generator draws from: offence codes, places, forces, prisons.

The Home Office codes are real: each one is a `ho_offence_code` of
`shared/reference/cchi_2020.csv` (a test checks this when that file is present). The
descriptions are short, as an officer would record them, not the CCHI wording. Postcode
districts and their forces come from `force_postcode_districts.csv` and
`force_postcode_areas.csv` of the same folder.
"""

from __future__ import annotations

from dataclasses import dataclass

HOME_FORCE = "West Midlands Police"


@dataclass(frozen=True)
class Offence:
    """One Home Office offence code as the generator uses it."""

    ho_code: str
    description: str
    category: str
    background_weight: float = 0.0


# category: VIOLENCE, DV, PUBLIC_ORDER, THEFT, BURGLARY, DAMAGE, FRAUD, DRUG_POSS, DRUG_SUPPLY,
# WEAPON, FIREARM, ROBBERY, KIDNAP, SLAVERY, OTHER
OFFENCES: tuple[Offence, ...] = (
    Offence("105/01", "Common assault", "VIOLENCE", 9.0),
    Offence("008/06", "Assault occasioning ABH", "VIOLENCE", 6.0),
    Offence("008/01", "Wounding / inflicting GBH", "VIOLENCE", 1.0),
    Offence("005/01", "Wounding with intent (s18 GBH)", "VIOLENCE", 0.3),
    Offence("008/30", "Harassment - fear of violence", "DV", 2.0),
    Offence("195/94", "Harassment", "DV", 3.0),
    Offence("008/67", "Controlling or coercive behaviour", "DV", 2.0),
    Offence("008/65", "Stalking - fear of violence", "DV", 0.6),
    Offence("125/09", "Intentional harassment, alarm or distress", "PUBLIC_ORDER", 5.0),
    Offence("125/11", "Fear or provocation of violence", "PUBLIC_ORDER", 2.0),
    Offence("046/00", "Theft from shop", "THEFT", 9.0),
    Offence("049/10", "Theft - other", "THEFT", 7.0),
    Offence("045/10", "Theft from motor vehicle", "THEFT", 5.0),
    Offence("048/01", "Theft of motor vehicle", "THEFT", 4.0),
    Offence("126/00", "Vehicle interference", "THEFT", 1.0),
    Offence("044/00", "Theft of pedal cycle", "THEFT", 1.0),
    Offence("028/03", "Burglary - residential", "BURGLARY", 6.0),
    Offence("030/02", "Burglary - business and community", "BURGLARY", 2.0),
    Offence("149/00", "Criminal damage to a dwelling", "DAMAGE", 5.0),
    Offence("058/00", "Criminal damage over 5000", "DAMAGE", 0.5),
    Offence("056/02", "Arson not endangering life", "DAMAGE", 0.5),
    Offence("059/11", "Threats to destroy or damage property", "DAMAGE", 0.5),
    Offence("053/40", "Fraud by false representation", "FRAUD", 3.0),
    Offence("053/25", "Making off without payment", "FRAUD", 1.0),
    Offence("092/61", "Possession of cannabis", "DRUG_POSS", 4.0),
    Offence("092/50", "Possession of cocaine", "DRUG_POSS", 1.0),
    Offence("092/51", "Possession of heroin", "DRUG_POSS", 0.2),
    Offence("092/54", "Possession of crack cocaine", "DRUG_POSS", 0.2),
    Offence("092/41", "Supply cannabis", "DRUG_SUPPLY", 0.5),
    Offence("092/81", "PWITS cannabis", "DRUG_SUPPLY", 0.4),
    Offence("092/30", "Supply class A - cocaine", "DRUG_SUPPLY", 0.15),
    Offence("092/31", "Supply class A - heroin", "DRUG_SUPPLY", 0.05),
    Offence("092/34", "Supply class A - crack", "DRUG_SUPPLY", 0.05),
    Offence("092/39", "Supply class A - other", "DRUG_SUPPLY", 0.02),
    Offence("092/70", "PWITS class A - cocaine", "DRUG_SUPPLY", 0.1),
    Offence("092/71", "PWITS class A - heroin", "DRUG_SUPPLY", 0.04),
    Offence("092/74", "PWITS class A - crack", "DRUG_SUPPLY", 0.04),
    Offence("092/90", "PWITS class A", "DRUG_SUPPLY", 0.03),
    Offence("008/26", "Possession of bladed article", "WEAPON", 1.0),
    Offence("008/11", "Possession of offensive weapon", "WEAPON", 0.4),
    Offence("008/64", "Threaten with blade in public place", "WEAPON", 0.2),
    Offence("008/53", "Using someone to mind a weapon", "WEAPON", 0.0),
    Offence("081/03", "Possess firearm without certificate", "FIREARM", 0.05),
    Offence("081/27", "Carrying firearm with ammunition in public", "FIREARM", 0.02),
    Offence("081/77", "Carrying firearm / imitation in public place", "FIREARM", 0.05),
    Offence("005/14", "Possess firearm with intent to endanger life", "FIREARM", 0.01),
    Offence("008/23", "Possess firearm with intent to cause fear of violence", "FIREARM", 0.03),
    Offence("034/01", "Robbery - personal property", "ROBBERY", 1.2),
    Offence("003/01", "Threats to kill", "VIOLENCE", 0.5),
    Offence("035/00", "Blackmail", "OTHER", 0.1),
    Offence("036/01", "Kidnapping", "KIDNAP", 0.03),
    Offence("036/03", "False imprisonment", "KIDNAP", 0.05),
    Offence("099/25", "Hold person in slavery or servitude", "SLAVERY", 0.01),
    Offence("195/02", "Abduction of child in care", "OTHER", 0.05),
    Offence("104/33", "Resist or obstruct constable", "PUBLIC_ORDER", 0.8),
    Offence("008/73", "Assault on a constable", "VIOLENCE", 0.5),
)

OFFENCE_BY_CODE: dict[str, Offence] = {offence.ho_code: offence for offence in OFFENCES}

# Codes a deal line's activity produces, by kind of event.
CL_CODES: dict[str, tuple[str, ...]] = {
    "SUPPLY": ("092/30", "092/31", "092/34", "092/39"),
    "PWITS": ("092/70", "092/71", "092/74", "092/90"),
    "POSSESSION": ("092/50", "092/51", "092/54"),
    "VIOLENCE": ("008/01", "008/06", "005/01", "105/01", "003/01"),
    "WEAPON": ("008/26", "008/11", "008/64", "008/53"),
    "FIREARM": ("081/03", "081/27", "081/77", "005/14", "008/23"),
    "ROBBERY": ("034/01",),
    "KIDNAP": ("036/01", "036/03"),
    "SLAVERY": ("099/25",),
    "CUCKOO": ("099/25", "105/01", "149/00", "008/30"),
}


@dataclass(frozen=True)
class Town:
    """An out-of-force destination town with the postcode districts it covers."""

    name: str
    force: str
    districts: tuple[str, ...]


DESTINATION_TOWNS: tuple[Town, ...] = (
    Town("Redditch", "West Mercia Police", ("B96", "B97", "B98")),
    Town("Bromsgrove", "West Mercia Police", ("B60", "B61")),
    Town("Kidderminster", "West Mercia Police", ("DY10", "DY11")),
    Town("Worcester", "West Mercia Police", ("WR1", "WR2", "WR3", "WR4", "WR5")),
    Town("Hereford", "West Mercia Police", ("HR1", "HR2", "HR4")),
    Town("Telford", "West Mercia Police", ("TF1", "TF2", "TF3", "TF7")),
    Town("Shrewsbury", "West Mercia Police", ("SY1", "SY2", "SY3")),
    Town("Bridgnorth", "West Mercia Police", ("WV15", "WV16")),
    Town("Tamworth", "Staffordshire Police", ("B77", "B78", "B79")),
    Town("Cannock", "Staffordshire Police", ("WS11", "WS12")),
    Town("Lichfield", "Staffordshire Police", ("WS13", "WS14")),
    Town("Stoke-on-Trent", "Staffordshire Police", ("ST1", "ST3", "ST4", "ST6")),
    Town("Stafford", "Staffordshire Police", ("ST16", "ST17")),
    Town("Nuneaton", "Warwickshire Police", ("CV10", "CV11")),
    Town("Bedworth", "Warwickshire Police", ("CV12",)),
    Town("Rugby", "Warwickshire Police", ("CV21", "CV22")),
    Town("Leamington Spa", "Warwickshire Police", ("CV31", "CV32")),
    Town("Gloucester", "Gloucestershire Constabulary", ("GL1", "GL2", "GL4")),
    Town("Cheltenham", "Gloucestershire Constabulary", ("GL50", "GL51", "GL52")),
    Town("Derby", "Derbyshire Constabulary", ("DE1", "DE22", "DE23", "DE24")),
    Town("Leicester", "Leicestershire Police", ("LE1", "LE2", "LE3", "LE4")),
    Town("Northampton", "Northamptonshire Police", ("NN1", "NN2", "NN3", "NN5")),
    Town("Lincoln", "Lincolnshire Police", ("LN1", "LN2", "LN6")),
    Town("Aberystwyth", "Dyfed-Powys Police", ("SY23",)),
    Town("Swindon", "Wiltshire Police", ("SN1", "SN2", "SN3")),
)

# Neighbourhood policing units and the in-force postcode districts they police.
NPU_DISTRICTS: dict[str, tuple[str, ...]] = {
    "BE": tuple(f"B{n}" for n in (7, 8, 9, 10, 11, 25, 26, 33, 34, 35, 36, 37, 40)),
    "BN": tuple(f"B{n}" for n in (6, 19, 20, 21, 23, 24, 42, 43, 44, 72, 73, 74, 75, 76)),
    "BS": tuple(f"B{n}" for n in (5, 12, 13, 14, 27, 28, 29, 30, 31, 38, 45)),
    "BW": tuple(f"B{n}" for n in (1, 2, 3, 4, 15, 16, 17, 18, 32, 39, 41)),
    "SW": tuple(f"B{n}" for n in (62, 63, 64, 65, 66, 67, 68, 69, 70, 71)),
    "SH": ("B90", "B91", "B92", "B93", "B94", "CV7"),
    "CV": ("CV1", "CV2", "CV3", "CV4", "CV5", "CV6"),
    "DY": ("DY1", "DY2", "DY3", "DY4", "DY5", "DY6", "DY8", "DY9"),
    "WS": ("WS1", "WS2", "WS3", "WS4", "WS5", "WS8", "WS9", "WS10"),
    "WV": tuple(f"WV{n}" for n in (1, 2, 3, 4, 6, 9, 10, 11, 12, 13, 14)),
}

NPU_WEIGHTS: dict[str, float] = {
    "BE": 1.3,
    "BN": 1.1,
    "BS": 1.2,
    "BW": 1.2,
    "SW": 1.0,
    "SH": 0.6,
    "CV": 1.0,
    "DY": 0.9,
    "WS": 0.8,
    "WV": 0.9,
}

NPU_LOCAL_AUTHORITY: dict[str, str] = {
    "BE": "Birmingham",
    "BN": "Birmingham",
    "BS": "Birmingham",
    "BW": "Birmingham",
    "SW": "Sandwell",
    "SH": "Solihull",
    "CV": "Coventry",
    "DY": "Dudley",
    "WS": "Walsall",
    "WV": "Wolverhampton",
}

OTHER_LOCAL_AUTHORITIES: tuple[str, ...] = (
    "Worcestershire",
    "Shropshire",
    "Staffordshire",
    "Warwickshire",
    "Telford and Wrekin",
)

PRISONS: tuple[str, ...] = (
    "HMP Birmingham",
    "HMP Hewell",
    "HMP Oakwood",
    "HMP Featherstone",
    "HMP Stoke Heath",
    "HMYOI Brinsford",
    "HMP Long Lartin",
    "HMP Stafford",
    "HMP Dovegate",
    "HMP Nottingham",
    "HMYOI Werrington",
    "HMP Swinfen Hall",
)

INCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
