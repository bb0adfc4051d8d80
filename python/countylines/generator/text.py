"""Free text: templates and vocabulary for narratives, property lists and notes.

County-lines language is spread over many templates and synonyms (graft, going OT, trapping,
bando, food, nitties ...), some county-lines texts use none of it, and background texts use
drug words too (cannabis smell, "drug dealer" in a neighbour dispute) and false reports use the
slang, so no single keyword separates county-lines records from the rest.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np

from countylines.generator.names import NICKNAMES, STREETS, VEHICLE_MAKES

VOCAB: dict[str, tuple[str, ...]] = {
    "line_talk": (
        "running a line",
        "running the line",
        "working a line",
        "on a line",
        "grafting",
        "doing graft",
        "on the graft",
        "trapping",
        "shotting",
        "serving up",
        "doing runs",
        "working for olders",
        "on the phone",
        "holding the phone",
        "running a deal line",
        "involved in county lines",
        "selling for a line",
    ),
    "travel": (
        "going OT",
        "going out country",
        "OT",
        "out of town",
        "going country",
        "out cunch",
        "in the sticks",
        "going on trips",
        "going up country",
        "out there working",
    ),
    "place": (
        "bando",
        "trap house",
        "trap",
        "flat",
        "address",
        "spot",
        "gaff",
        "crack house",
        "squat",
        "cuckooed address",
    ),
    "customers": (
        "nitties",
        "users",
        "shots",
        "customers",
        "fiends",
        "addicts",
        "punters",
        "regulars",
    ),
    "product": (
        "food",
        "work",
        "B and W",
        "white and brown",
        "brown",
        "white",
        "rocks",
        "bits",
        "the product",
        "packs",
        "a re-up",
    ),
    "workers": ("workers", "youngers", "young runners", "tinys", "shotters", "runners", "kids"),
    "bosses": (
        "olders",
        "the elders",
        "the main man",
        "the boss",
        "his olders",
        "people above him",
    ),
    "debt": (
        "owes a debt",
        "is in debt",
        "has a tick to pay off",
        "was told he owes money",
        "lost a package and now owes",
        "was robbed and has to pay it back",
        "owes for a lost re-up",
    ),
    "class_a": (
        "crack cocaine",
        "heroin",
        "crack and heroin",
        "class A",
        "cocaine",
        "diamorphine",
        "B&W",
        "crack",
        "brown and white",
    ),
    "cuckooed": ("cuckooed", "taken over", "used as a base", "cuckoo'd", "turned into a trap"),
    "goods": (
        "a mobile phone",
        "a laptop",
        "jewellery",
        "cash",
        "power tools",
        "a handbag",
        "meat and alcohol",
        "a games console",
        "designer clothing",
        "a wallet",
    ),
    "place_bg": (
        "the supermarket",
        "a pub",
        "the park",
        "the bus station",
        "a school",
        "a gym",
        "the hospital car park",
        "a takeaway",
        "the library",
    ),
    "origin_area": (
        "Birmingham",
        "Brum",
        "Handsworth",
        "Aston",
        "Small Heath",
        "Coventry",
        "Wolverhampton",
        "Walsall",
        "West Brom",
        "Ladywood",
        "Erdington",
        "Chelmsley Wood",
    ),
}

NAME_STYLES = ("{f} {s}", "{S} {f}", "{f} {S}", "{S}, {f}", "{f} {s} (aka {k})", "{f}")

LINE_STYLES = (
    "the {n} line",
    "{n} line",
    "'{n}'",
    "the {n} number",
    "{l} line",
    '"{n}"',
    "{n}",
    "{n} LINE",
    "the {n} phone",
    "'{n} line'",
)

# --- templates: each context has county-lines (CL) and background (BG) sets ---------------

CL_MO: dict[str, tuple[str, ...]] = {
    "SUPPLY": (
        "Officers on patrol in {town} stopped a youth acting suspiciously near {street}. Found "
        "in possession of {wraps} of {class_a} and {n_phones} mobile phones.",
        "Male detained at {street}, {town} after a drug deal was observed. {wraps} of suspected "
        "{class_a} recovered and £{cash} cash. Phone ringing constantly.",
        "Test purchase: {class_a} bought from a male who answered {line} ({phone}).",
        "Suspect seen handing small items to known {customers} in {town}. When searched, "
        "{wraps} and £{cash} found.",
        'Drugs found during stop search. Suspect states he was "just holding them" for '
        "someone. No further comment.",
        "Juvenile from {origin_area} found selling {class_a} in {town}; has no links to the "
        "area. Handset shows bulk texts advertising {product}.",
        "Youth seen on CCTV supplying {class_a} outside a hostel in {town}.\nTwo phones seized.",
    ),
    "PWITS": (
        "Warrant executed at address in {town}. Occupier is a vulnerable adult. Two youths from "
        "{origin_area} located inside with {class_a} and a deal phone ({phone}).",
        "Vehicle stopped travelling to {town}. Passenger aged {age} found with {wraps} "
        "concealed internally.",
        "Male in possession of {wraps} in {town}; travelled from {origin_area} by train. "
        "{line} referenced on the handset.",
        "Youth stopped near {street}, {town} with {wraps} and £{cash}. Believed to be {travel}.",
        "PWITS: {wraps} of {class_a}, scales and {n_phones} phones found at {place} in {town}.",
        "Suspect found with a quantity of wraps, cash and cling film. Refused to unlock phone.",
    ),
    "POSSESSION": (
        "Known drug user found with a small amount of {class_a} in {town}. States he buys off "
        "the lads from {origin_area}.",
        "Suspect found with one wrap of {class_a} during stop search near {street}.",
        "Possession of {class_a}. Says he bought it from a number that texts him every morning.",
        "Female found with {class_a} at a flat in {town}; flat is believed to be {cuckooed}.",
    ),
    "VIOLENCE": (
        "Victim aged {age} assaulted by two males in a car in {town}. Victim believed to be "
        "working for {line} and {debt}.",
        "Victim attended hospital with a stab wound to the leg. Refuses to engage. Intel "
        "suggests linked to {line_talk} in {town}.",
        "Male assaulted with a baseball bat at an address in {town}. Victim states "
        '"it\'s about money".',
        "GBH: victim slashed with a knife. Suspect believed to be muscle for a group from "
        "{origin_area}; victim {debt}.",
        "Youth beaten at a flat in {town}. Suggestion he was 'taxed' by {bosses} after losing "
        "{product}.",
        "Common assault. Victim says he was punched by a man he knows as {nick}. Would not say "
        "why.",
    ),
    "WEAPON": (
        "Youth stopped in {town} found with a large kitchen knife in his waistband and "
        "{n_phones} phones.",
        "Zombie knife found in vehicle during stop. Occupants from {origin_area}, believed to be "
        "{travel}.",
        "Machete found at {place} in {town} during warrant.",
        "Female found minding a knife for her brother's associates.",
        "Lock knife found on juvenile at {street}, {town}. Had £{cash} and two handsets.",
    ),
    "FIREARM": (
        "Shots fired in {street}. Cartridge cases recovered. Believed linked to an ongoing "
        "dispute between drug lines.",
        "Handgun recovered from {place} in {town} during warrant. {class_a} also found.",
        "Male seen brandishing what appeared to be a handgun in {street}. Believed connected to "
        "drug supply.",
        "Converted blank-firing pistol recovered from vehicle linked to {line}.",
        "Sawn-off shotgun found wrapped in a bin bag behind flats on {street}.",
    ),
    "ROBBERY": (
        "Youth robbed of phone and {product} at knifepoint in {town}; reluctant victim. Phone "
        "believed to be a deal line.",
        "Victim robbed of £{cash} and a mobile phone by three males in balaclavas. Victim "
        "uncooperative.",
        "Juvenile robbed of drugs and cash at a {place} in {town}. Will not provide a statement.",
    ),
    "KIDNAP": (
        "Juvenile bundled into a car in {street} and driven to {town}. Held for two days over a "
        "drug debt. Returned with injuries.",
        "Youth held at an address and made to work off a debt, not allowed to leave.",
        "False imprisonment: victim locked in a bedroom at a flat in {town} by males from "
        "{origin_area}.",
    ),
    "SLAVERY": (
        "Child believed to be criminally exploited: made to sell {class_a} from an address in "
        "{town} under threat of violence. NRM referral made.",
        "Vulnerable adult forced to deliver drugs for {bosses}. Modern slavery offence recorded.",
        "Young person found at {place} in {town}; disclosed being made to work for {nick}.",
    ),
    "CUCKOO": (
        "Vulnerable adult reports males from {origin_area} have taken over his flat in {town} "
        "to deal {class_a}. Afraid to return home.",
        "Concern for occupant of flat in {town} - address {cuckooed} by a drug line. Heavy "
        "footfall of {customers}.",
        "Neighbour reports constant visitors at {street}, {town}. Occupant known to be vulnerable.",
        "Criminal damage to door of flat. Occupant says 'the lads' did it because he wanted them "
        "out.",
    ),
}

BG_MO: dict[str, tuple[str, ...]] = {
    "THEFT": (
        "Suspect entered store and selected {goods} before leaving without paying.",
        "Unknown offender took victim's {goods} from {place_bg}.",
        "Catalytic converter removed from vehicle parked on {street}.",
        "Bike taken from outside {place_bg}, lock cut.",
        "Offender smashed window of vehicle and removed {goods}.",
        "Shoplifter, known drug user, stole {goods}; says he needed money for drugs.",
    ),
    "BURGLARY": (
        "Offender forced rear door and stole {goods}.",
        "Entry gained via insecure window, house searched, {goods} taken.",
        "Burglary at business premises on {street}, cash taken from till.",
        "Keys taken from hallway, car stolen from drive.",
    ),
    "VIOLENCE": (
        "Victim punched in the face outside a pub on {street} after an argument.",
        "Altercation between neighbours escalated; victim pushed to the floor.",
        "Victim assaulted by a group of youths after football.",
        'Fight in takeaway, victim hit with a bottle, "no reason given".',
        "Road rage incident, victim punched through car window.",
        "Victim assaulted by a man who accused him of dealing drugs to his son.",
    ),
    "DV": (
        "Victim reports ongoing controlling behaviour by partner, including monitoring her phone "
        "and finances.",
        "Verbal argument became physical; partner grabbed victim by the throat.",
        "Ex-partner sending repeated messages and turning up at the address.",
        "Victim states partner smashed her phone and would not let her leave.",
        "Suspect under the influence of alcohol and cannabis when he assaulted partner.",
        "Victim says partner is a drug dealer and threatened her when she tried to leave.",
    ),
    "PUBLIC_ORDER": (
        "Male shouting and swearing in the street, causing alarm.",
        "Neighbour dispute: suspect accused neighbour of being a drug dealer and threatened him.",
        "Group of youths causing ASB outside shops, strong smell of cannabis.",
        "Suspect abusive towards staff, refused to leave.",
    ),
    "DAMAGE": (
        "Window of house smashed by unknown offender.",
        "Car tyres slashed overnight on {street}.",
        "Graffiti sprayed on wall of {place_bg}.",
        "Door kicked in during an argument.",
    ),
    "FRAUD": (
        "Victim paid for goods online that never arrived.",
        "Bank card used without permission at several shops.",
        "Courier fraud: elderly victim handed over cash.",
        "Drive off without paying for fuel.",
    ),
    "DRUG_POSS": (
        "Strong smell of cannabis from vehicle. Driver found with a small bag of cannabis.",
        "Stop search: a small amount of cannabis found in jacket pocket.",
        "Youths smoking cannabis in the park. One found in possession.",
        "Cannabis grinder and small amount of herbal cannabis found during search.",
        "Male found with a wrap of cocaine in nightclub toilets.",
        "Possession of cannabis; states for personal use.",
    ),
    "DRUG_SUPPLY": (
        "Cannabis factory found at address on {street}: {k} plants.",
        "Male seen dealing cannabis from a car outside a school. Bags of skunk seized.",
        "Snapchat used to sell cannabis to students; dealer identified.",
        "Suspect found with cannabis in deal bags, scales and £{cash} cash.",
        "Cocaine sold in pubs on weekends by a known local dealer.",
    ),
    "WEAPON": (
        "Lock knife found in pocket during search at {place_bg}.",
        "Male waving a knife during an argument with neighbour.",
        "Kitchen knife found in bag at school.",
    ),
    "FIREARM": (
        "Air weapon fired at pigeons from rear garden.",
        "Imitation firearm seen in public, turned out to be a BB gun.",
        "Shotgun held without certificate found during a domestic incident.",
    ),
    "ROBBERY": (
        "Victim's phone snatched by two males on mopeds.",
        "Shop robbed by male with a knife, cash taken.",
        "Victim threatened and robbed of his trainers and phone.",
    ),
    "KIDNAP": (
        "Parental abduction: father took child without consent.",
        "Victim held in house by ex-partner for several hours.",
    ),
    "SLAVERY": (
        "Labour exploitation at a car wash; workers paid little and housed in one room.",
        "Victim of forced labour at a factory; passports held by employer.",
    ),
    "OTHER": ("Details recorded on file.", "See attached statement.", "Refer to OEL."),
}

CL_INTEL: tuple[str, ...] = (
    "{name} is {line_talk} in {town}. He uses the number {phone} and travels down by train.",
    "{line} is run by a male known as {nick} from {origin_area}. Youngsters are sent {travel} to "
    "{town} to sell {class_a}.",
    "{name} is believed to be holding {line} ({phone}). Bulk texts go out to {customers} each "
    "morning advertising {product}.",
    "Youths from {origin_area} are using the flat of a vulnerable male at {street}, {town} as a "
    "{place}.",
    "{name} is a young runner for {line}, aged around {age}. He regularly goes missing and is "
    "found in {town}.",
    "Vehicle {vehicle} is used to ferry {workers} and {product} between {origin_area} and {town}.",
    "{name} {debt} to the people running {line} and is being made to work it off.",
    "{name} has access to a firearm which is kept for the line and used to threaten anyone who "
    "crosses them.",
    "Source states the number {phone} has changed; the new number is being sent out to "
    "{customers}.",
    "{name} collects money from {town} weekly and does the violence for {nick}.",
    "Crack and heroin being sold in {town} by youths from the West Midlands; line known as {line}.",
    "{name} was seen with a large amount of cash and several phones. Believed to be involved in "
    "county lines drug supply.",
    "Intelligence suggests {name} is being exploited by older males and made to sell drugs in "
    "{town}.",
    "{name}'s flat at {street}, {town} has been {cuckooed} by dealers from {origin_area}.",
    "Summary:\n{name} seen at {place} in {town} with {workers}.\nAction: for information.",
    "{name} is {travel} with {nick}; they stay at a {place} and sell {class_a}.",
    '{name} is part of a group from {origin_area}. They are "shotting" {product} in {town}.',
    "{name} is believed to be supplying drugs. No further detail.",
)

BG_INTEL: tuple[str, ...] = (
    "{name} is dealing cannabis from his home address on {street}. Strong smell of cannabis "
    "and lots of visitors.",
    "{name} is handling stolen goods, mainly power tools, from his garage.",
    "{name} is believed to be carrying a knife for protection after a falling out.",
    "{name} is driving while disqualified in a {vehicle}.",
    "{name} is involved in shoplifting to order across the city centre.",
    "{name} has been seen with a lot of new designer clothes, thought to be from burglaries.",
    "Neighbours believe {name} is a drug dealer because of visitors at all hours.",
    "{name} is in a controlling relationship and has threatened their partner's family.",
    "{name} associates with a group of youths who cause ASB in the park and smoke cannabis.",
    "{name} is using social media to sell cannabis edibles.",
    "{name} works cash-in-hand at a car wash and may be working illegally.",
    "{name} is involved in fraud, using stolen bank cards online.",
    "{name} sells cocaine to friends at weekends from a {vehicle}.",
)

FALSE_CL_INTEL: tuple[str, ...] = (
    "Caller believes {name} is running a county line as he has two phones and a new car.",
    "Anonymous: {name} is going OT and selling crack in {town}.",
    "{name} is in a gang and they are trapping out of a bando on {street}.",
    "Rumour that {name} is holding a line called {line}.",
    "{name}'s son keeps going missing and she thinks he is being groomed by drug dealers.",
    "{name} is recruiting kids to run drugs out of town. No further detail from caller.",
)

# background narratives for particular offence codes (else the category's set is used)
BG_MO_BY_CODE: dict[str, tuple[str, ...]] = {
    "046/00": (
        "Suspect entered store and selected {goods} before leaving without paying.",
        "Shoplifter, known drug user, stole meat and alcohol; says he needed money for drugs.",
        "Security staff detained female who concealed {goods} in a bag.",
    ),
    "048/01": (
        "Vehicle taken from outside the victim's home on {street} overnight; keys not taken.",
        "Victim's {vehicle} stolen using a relay device.",
    ),
    "045/10": (
        "Offender smashed window of vehicle and removed {goods}.",
        "Catalytic converter removed from vehicle parked on {street}.",
    ),
    "126/00": ("Male seen trying door handles of parked cars on {street}.",),
    "044/00": ("Bike taken from outside {place_bg}, lock cut.",),
    "053/25": ("Drive off without paying for fuel.", "Customer left a restaurant without paying."),
    "056/02": ("Wheelie bin set alight outside a house on {street}.", "Car set on fire overnight."),
    "104/33": ("Suspect obstructed officers during a stop search and tried to run.",),
    "008/73": ("Officer kicked while suspect was being restrained.",),
    "195/02": (
        "Child in care harboured at an address by an adult; child abduction warning notice "
        "breached.",
    ),
}

ARREST_REASON = (
    "Suspicion of {desc}",
    "{desc}",
    "Arrested on suspicion of {desc_lower}",
    "{desc_lower} - arrested at scene",
    "Arrest for {desc_lower} (necessity: prompt investigation)",
)

CL_PROPERTY = (
    "{n_phones} mobile phones, £{cash} cash, {wraps} of suspected {class_a}",
    "Nokia handset, iPhone, £{cash}, train ticket to {town}",
    "Cash £{cash} in mixed notes; {n_phones} phones (one basic handset); small bag of white powder",
    "Knife, {n_phones} phones, {wraps}",
    "{n_phones} x phones, charger, £{cash}, cling film, scales",
    "Phone, keys, £{cash}",
)

BG_PROPERTY = (
    "Wallet, keys, mobile phone",
    "£{small_cash} cash, bank card, phone",
    "Keys, lighter, small bag of cannabis",
    "Phone, vape, house keys",
    "None",
    "Belt, laces, phone",
    "Mobile phone, £{small_cash}",
)

CL_COMMENTS = (
    "Said he had to do it or they'd hurt his mum.",
    "Said he owes money to some older lads and they took his phone.",
    "Says he was sent to {town} and does not know the address.",
    "Scared, says he can't go home.",
    "No comment on legal advice.",
    "Asked if his phone would be given back.",
    '"I\'m not a grass."',
    "No comment.",
    "",
)

BG_COMMENTS = (
    "No comment.",
    "",
    "Denies the offence.",
    "Says it was self defence.",
    "Wants a solicitor.",
    "Drunk, abusive to staff.",
    "Says he was not there.",
)

BG_DRUG_COMMENTS = (
    "No comment.",
    "",
    "States the cannabis is for personal use.",
    "Says he is not a dealer, the cash is wages.",
    "Says the drugs belong to a friend.",
)

CL_PINS = (
    "Index offence conspiracy to supply class A. Known associate of {nick}. Expected to return to "
    "{origin_area}. Intelligence suggests continued involvement in {line}.",
    "Used an illicit phone in custody to contact {phone}.",
    "Linked to drug supply into {town}. Risk of re-offending high.",
    "Gang affiliated. Non-association condition with {nick}. Exclusion zone {town}.",
    "Prison intelligence: receiving money from associates; believed to be arranging {product} "
    "on release.",
)

BG_PINS = (
    "Prolific acquisitive offender. Drug dependency (heroin).",
    "Violent offender, restraining order in place.",
    "No intelligence of note.",
    "Engaged with education in custody.",
    "Cannabis use in custody; positive MDT.",
    "Released to approved premises.",
)

CL_FOUND = (
    "Found by {found_force} at a flat in {town}.",
    "Located in a known drug address in {town} with two older males.",
    "Stopped on a train returning from {town}.",
    "Found at {street}, {town} - address linked to drug supply.",
    "Handed himself in at {town} police station.",
    "Returned home of own accord.",
    "Found in {town} town centre by patrol.",
)

BG_FOUND = (
    "Returned home of own accord.",
    "Found at friend's house.",
    "Located at boyfriend's address.",
    "Found in city centre by patrol.",
    "Returned to care home.",
    "Found at grandparents' address.",
    "Found at hospital.",
)

CL_CIRCUMSTANCES = (
    "Left care home at 20:00 and did not return. Missing several times recently, believed to be "
    "going to {town}.",
    "Mother reports son has new clothes and phones and goes missing for days.",
    "Got into a car with older males.",
    "Absconded from placement; history of CCE concerns.",
    "Failed to return from school. Phone off.",
    'Left the house after receiving a phone call, said he had to "go to work".',
)

BG_CIRCUMSTANCES = (
    "Failed to return from school.",
    "Argument with parents, left the house.",
    "Left placement to see friends.",
    "Adult with dementia left home.",
    "Did not return after a night out.",
    "Left hospital ward without being discharged.",
)

CL_RETURN = (
    "Said he was 'working' in {town} for a lad called {nick}. Would not say more.",
    "Disclosed being sent to sell drugs out of a flat. Said he owed money.",
    "Young person did not want to talk. Appeared frightened. Had £{cash} on him.",
    "Says he was staying with friends in {town}. Had a new phone.",
    "Said \"I can't tell you or I'll get hurt\".",
    "YP engaged well.\nDisclosed {line_talk} and being {travel}; referral to CCE panel.",
    "Declined return interview.",
)

BG_RETURN = (
    "Young person says they stayed at a friend's house. No concerns raised.",
    "Argument at home about curfew. Support offered.",
    "Declined return interview.",
    "Spent the night in the park with friends, drinking and smoking cannabis.",
    "Stayed with boyfriend; advice given.",
)

EXPLOITATION_NOTES = (
    "Concerns re CCE - missing x{k}, found in {town}.",
    "Referral from school: new phones, cash, older associates.",
    "NRM referral made.",
    "Social care concerns, possible grooming by older males.",
    "Possible CCE/CSE; no line identified.",
    "Strategy meeting held; on the exploitation panel list.",
)


_FIELD = re.compile(r"\{(\w+)\}")


def render(
    rng: np.random.Generator, templates: tuple[str, ...], slots: Mapping[str, np.ndarray]
) -> np.ndarray:
    """One text per row: a random template filled from the row's slot values.

    Rows are grouped by template and filled positionally, so the cost is one `str.format`
    per row. Every slot array has one value per row.
    """
    n = len(next(iter(slots.values())))
    choice = rng.integers(0, len(templates), n)
    out = np.empty(n, dtype=object)
    for j, template in enumerate(templates):
        rows = np.flatnonzero(choice == j)
        if len(rows) == 0:
            continue
        fields = list(dict.fromkeys(_FIELD.findall(template)))
        if not fields:
            out[rows] = template
            continue
        positional = _FIELD.sub(lambda m, f=fields: "{" + str(f.index(m.group(1))) + "}", template)
        columns = [slots[field][rows] for field in fields]
        out[rows] = [positional.format(*values) for values in zip(*columns, strict=True)]
    return out


def vocab(rng: np.random.Generator, key: str, n: int) -> np.ndarray:
    """n draws from one vocabulary pool."""
    pool = np.array(VOCAB[key], dtype=object)
    return pool[rng.integers(0, len(pool), n)]


def base_slots(rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    """Slot values every template may use; contexts override the person/line ones."""
    slots = {key: vocab(rng, key, n) for key in VOCAB}
    k = rng.integers(3, 40, n)
    slots["k"] = k.astype(str).astype(object)
    wrap_word = np.array(["wraps", "deals", "cling film wraps", "bags", "small bags"], dtype=object)
    slots["wraps"] = slots["k"] + " " + wrap_word[rng.integers(0, len(wrap_word), n)]
    slots["cash"] = (rng.integers(4, 250, n) * 10).astype(str).astype(object)
    slots["small_cash"] = rng.integers(1, 60, n).astype(str).astype(object)
    slots["n_phones"] = rng.integers(2, 5, n).astype(str).astype(object)
    slots["street"] = np.array(STREETS, dtype=object)[rng.integers(0, len(STREETS), n)]
    slots["vehicle"] = np.array(VEHICLE_MAKES, dtype=object)[rng.integers(0, len(VEHICLE_MAKES), n)]
    slots["nick"] = np.array(NICKNAMES, dtype=object)[rng.integers(0, len(NICKNAMES), n)]
    slots["age"] = rng.integers(13, 18, n).astype(str).astype(object)
    slots["name"] = np.full(n, "the subject", dtype=object)
    slots["line"] = np.full(n, "a deal line", dtype=object)
    slots["phone"] = np.full(n, "a withheld number", dtype=object)
    slots["town"] = np.full(n, "the area", dtype=object)
    slots["found_force"] = np.full(n, "officers", dtype=object)
    return slots


def person_names(
    rng: np.random.Generator, forenames: np.ndarray, surname: np.ndarray
) -> np.ndarray:
    """Names as written in narratives: `John SMITH`, `SMITH, John`, `John` ..."""
    n = len(surname)
    nick = np.array(NICKNAMES, dtype=object)[rng.integers(0, len(NICKNAMES), n)]
    first = np.array([f.split(" ")[0] for f in forenames], dtype=object)
    upper = np.array([s.upper() for s in surname], dtype=object)
    styles = rng.choice(len(NAME_STYLES), n, p=[0.3, 0.15, 0.3, 0.1, 0.1, 0.05])
    out = np.empty(n, dtype=object)
    for j, style in enumerate(NAME_STYLES):
        rows = np.flatnonzero(styles == j)
        out[rows] = [
            style.format(f=f, s=s, S=u, k=k)
            for f, s, u, k in zip(first[rows], surname[rows], upper[rows], nick[rows], strict=True)
        ]
    return out


def line_mentions(rng: np.random.Generator, names: np.ndarray) -> np.ndarray:
    """Line names as officers write them: `the DON line`, `'DON'`, `Don line` ..."""
    styles = rng.integers(0, len(LINE_STYLES), len(names))
    return np.array(
        [
            LINE_STYLES[s].format(n=name, l=name.title())
            for s, name in zip(styles, names, strict=True)
        ],
        dtype=object,
    )
