"""The quantity-mention scanner, on real-world phrasings from business, economics and war reporting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.extract.mentions import quantities, rejections, scan, scan_candidates, sentence_bounds

# (text, [(mention text, value, value_max, unit, unit class, qualifier)])
CASES = [
    ("North Korea has sent more than 1 million artillery shells to Russia",
     [("more than 1 million artillery shells", 1e6, None, "artillery_shells", "count", "more_than")]),
    ("North Korea has shipped about a million shells", [("about a million shells", 1e6, None, "shells", "count", "approximately")]),
    ("valued at just $24.5 billion", [("$24.5 billion", 24.5e9, None, "USD", "currency", "exact")]),
    ("worth just 22.6 billion euro in 2022", [("22.6 billion euro", 22.6e9, None, "EUR", "currency", "exact")]),
    ("exports of US$3bn", [("US$3bn", 3e9, None, "USD", "currency", "exact")]),
    ("a budget of 3 trillion won", [("3 trillion won", 3e12, None, "KRW", "currency", "exact")]),
    ("approximately two million workers in a total population of 26 million",
     [("approximately two million workers", 2e6, None, "workers", "count", "approximately"), ("26 million", 26e6, None, None, "count", "exact")]),
    ("at least 10 arms transfers", [("at least 10 arms transfers", 10, None, "arms_transfers", "count", "at_least")]),
    ("ballistic missiles typically cost several million dollars", [("several million dollars", 2e6, 9e6, "USD", "currency", "several")]),
    ("the state training thousands of hackers", [("thousands of hackers", 2e3, 9e3, "hackers", "count", "several")]),
    ("likely to number in the millions.", [("millions", 2e6, 9e6, None, "count", "several")]),
    ("shrinking over the last five years", [("five years", 5, None, "years", "duration", "exact")]),
    ("helping end a three-year downturn", [("three-year", 3, None, "years", "duration", "exact")]),
    ("rates rose 50 basis points", [("50 basis points", 50, None, "basis_points", "percent", "exact")]),
    ("unemployment fell 0.3 percentage points", [("0.3 percentage points", -0.3, None, "percentage_points", "percent", "exact")]),
    ("growth of 2-3% is expected", [("2-3%", 2, 3, "percent", "percent", "range")]),
    ("output saw a 0.3-percent rise", [("0.3-percent", 0.3, None, "percent", "percent", "exact")]),
    ("after a 2.1 per-cent gain", [("2.1 per-cent", 2.1, None, "percent", "percent", "exact")]),
    ("between 10 and 12 million people", [("between 10 and 12 million people", 10e6, 12e6, "people", "count", "range")]),
    ("inflation eased to 4.9 per cent", [("4.9 per cent", 4.9, None, "percent", "percent", "exact")]),
    ("a dozen drones", [("a dozen drones", 12, None, "drones", "count", "exact")]),
    ("growth (-4.5%) last year", [("-4.5%", -4.5, None, "percent", "percent", "exact")]),
    ("nearly 300 troops", [("nearly 300 troops", 300, None, "troops", "count", "approximately")]),
    ("the quake has killed at least 2000 people", [("at least 2000 people", 2000, None, "people", "count", "at_least")]),
    ("the magnitude-6.8 quake", [("6.8", 6.8, None, "magnitude", "count", "exact")]),
    # a devaluation is a fall in a currency's value
    ("the bank devalued the crown by 40% overnight", [("40%", -40, None, "percent", "percent", "exact")]),
    ("after a 30% devaluation of the crown", [("30%", -30, None, "percent", "percent", "exact")]),
    # money and its conversion in brackets share the rate written after the brackets or before them
    ("she is to be paid 40m euros (£34.5m) a season", [("40m euros", 40e6, None, "EUR per season", "currency", "exact"),
                                                      ("£34.5m", 34.5e6, None, "GBP per season", "currency", "exact")]),
    ("rents average $900 a month (about £700)", [("$900 a month", 900, None, "USD per month", "currency", "exact"),
                                                 ("about £700", 700, None, "GBP per month", "currency", "approximately")]),
    ("a fee of £77m ($98m), and £300,000 a week in wages", [("£77m", 77e6, None, "GBP", "currency", "exact"),
                                                           ("$98m", 98e6, None, "USD", "currency", "exact"),
                                                           ("£300,000 a week", 3e5, None, "GBP per week", "currency", "exact")]),
    ("Quake Of Magnitude 6.8 Hits The Country", [("6.8", 6.8, None, "magnitude", "count", "exact")]),
    ("Quake Deaths Climb To 632 & 329 Injured, Officials Say",
     [("632", 632, None, None, "count", "exact"), ("329", 329, None, None, "count", "exact")]),
    ("services (down 0.2 per cent), housebuilding (-1.3) and factories (-1)",
     [("0.2 per cent", -0.2, None, "percent", "percent", "exact"), ("-1.3", -1.3, None, "percent", "percent", "exact"),
      ("-1", -1, None, "percent", "percent", "exact")]),
    ("falling for more than a year", [("more than a year", 1, None, "years", "duration", "more_than")]),
    # a model's variant and a flight code are names; names before the counted noun only say whose
    ("checks of all 101 Boeing 737-800 jetliners", [("101 Boeing 737-800 jetliners", 101, None, "jetliners", "count", "exact")]),
    ("Jeju Air flight 7C2216 crashed, killing 179 people", [("179 people", 179, None, "people", "count", "exact")]),
    ("An Airbus A320-200 with 180 seats", [("180 seats", 180, None, "seats", "count", "exact")]),
    ("cuts to 401(k) accounts of 3,000 staff", [("3,000 staff", 3000, None, "staff", "count", "exact")]),
    # the title of a link to another story inside the text
    ("GDP grew 7.8% (Also Read: Invest Rs 5,000 And Earn Rs 1800 Per Day) in the quarter",
     [("7.8%", 7.8, None, "percent", "percent", "exact")]),
    ("Exports rose 4%.\nAlso Read: 5 Stocks To Buy Now\nImports fell 2%.",
     [("4%", 4, None, "percent", "percent", "exact"), ("2%", -2, None, "percent", "percent", "exact")]),
    ("consumption grew 5.9% and (-) 0.71% respectively",  # a minus in brackets, as Indian statistics write it
     [("5.9%", 5.9, None, "percent", "percent", "exact"), ("(-) 0.71%", -0.71, None, "percent", "percent", "exact")]),
    # a headline with no small words capitalised: every long word is, so "Kills" names nothing
    ("South Korea's Deadliest Plane Crash Kills 179 People",
     [("179 People", 179, None, "people", "count", "exact")]),
    ("Strike Idles 33,000 Workers\nThe union said so.", [("33,000 Workers", 33000, None, "workers", "count", "exact")]),
    # quarters of a year in a compound are no fraction; a share is
    ("GDP grew at a four-quarter high of 7.8%", [("7.8%", 7.8, None, "percent", "percent", "exact")]),
    ("a three-quarter majority is needed", [("three-quarter", 75, None, "percent", "percent", "exact")]),
    # a fraction of a scale word is an amount, not a share
    ("A half-million people fled", [("A half-million people", 500000, None, "people", "count", "exact")]),
    ("half of a million rounds", [("half of a million rounds", 500000, None, "rounds", "count", "exact")]),
    # a change with a word of praise or size between "by" and the number, then the level reached
    ("It was revised up by a whopping 41,000 to 256,000.", [("41,000", 41000, None, None, "count", "exact"),
                                                           ("256,000", 256000, None, None, "count", "exact")]),
    ("The final racked up 14 million viewers.", [("14 million viewers", 14e6, None, "viewers", "count", "exact")]),  # a level
    # how often a decision was taken is no change ("cut three times"); a multiple after the verb still is
    ("The bank is expected to cut rates three times this year.", [("three times", 3, None, "times", "count", "exact")]),
    ("Exports jumped 2.5 times to $3 billion.", [("2.5 times", 2.5, None, "times", "count", "exact"),
                                                ("$3 billion", 3e9, None, "USD", "currency", "exact")]),
    # "double" or "triple" before what it multiplies is a multiple, no move; an adjective is none
    ("Smokers face triple the risk of a stroke.", [("triple", 3, None, "times", "count", "exact")]),
    ("He booked a double room and a triple espresso.", []),
    # a hedged share that stands for those it counts, with no "of" after it; half a unit of time is a length, no share
    ("Of the voters, around half said they had decided.", [("around half", 50, None, "percent", "percent", "approximately")]),
    ("About a third were over 60.", [("About a third", 100 / 3, None, "percent", "percent", "approximately"),
                                     ("over 60", 60, None, None, "count", "more_than")]),
    ("It took about half an hour.", [("about half an hour", 0.5, None, "hours", "duration", "approximately")]),
    ("The Bulls led for over a quarter.", []),
    # a small count before a name and a lowercase plural counts the plural
    ("a streak of 35 Powerball drawings", [("35 Powerball drawings", 35, None, "drawings", "count", "exact")]),
    # larger counts before a name, of what no model number names; a threshold; a "+" no name's number takes
    ("The coalition is set to win 318 Bundestag seats", [("318 Bundestag seats", 318, None, "seats", "count", "exact")]),
    ("It needs to cross the 326 majority mark", [("326", 326, None, None, "count", "exact")]),
    ("a goal of the Labour 400+ seats", [("400+ seats", 400, None, "seats", "count", "at_least")]),
    ("with Labour taking 211 seats and the Greens 14.", [("211 seats", 211, None, "seats", "count", "exact"),
                                                         ("14", 14, None, "seats", "count", "exact")]),
    ("the 787 Dreamliner jets and Windows 10 and Windows 11 users", []),
    # capitalised words that end in a plural, or a person whose verb follows, are what the number counts
    ("She has won 22 Grand Slams and played in 6 World Cups.",
     [("22", 22, None, None, "count", "exact"), ("6", 6, None, None, "count", "exact")]),
    ("short of the 330 Harold Wilson won", [("330", 330, None, None, "count", "exact")]),
    ("He lives at 14 Amber Street.", []),
    ("Passengers on flight 417 in row 9 were moved; the flight 40 minutes later left.",
     [("40 minutes", 40, None, "minutes", "duration", "exact")]),
    ("The arena will seat 18,000 fans.", [("18,000 fans", 18000, None, "fans", "count", "exact")]),
    # a part "of which" takes the whole's noun; a length of time shared along a list of places; beds lost are a fall
    ("The jail has 900 cells, of which 60 are empty; visits took 5 minutes in Ely and 8 in Wisbech, and it lost 40 beds.",
     [("900 cells", 900, None, "cells", "count", "exact"), ("60", 60, None, "cells", "count", "exact"),
      ("5 minutes", 5, None, "minutes", "duration", "exact"), ("8", 8, None, "minutes", "duration", "exact"),
      ("40 beds", -40, None, "beds", "count", "exact")]),
    # the sides of a size: the second is no name's number, and the first takes the unit written once
    ("A 3-foot-by-5-foot hatch and a 40-by-90-centimetre vent.",
     [("3-foot", 3, None, "feet", "count", "exact"), ("5-foot", 5, None, "feet", "count", "exact"),
      ("40", 40, None, "centimeters", "count", "exact"), ("90-centimetre", 90, None, "centimeters", "count", "exact")]),
    # what was done to the things counted is no fall of a count; a price's crash is
    ("A faulty update crashed 2.1 million tills, and the firm's shares crashed 9%.",
     [("2.1 million tills", 2.1e6, None, "tills", "count", "exact"), ("9%", -9, None, "percent", "percent", "exact")]),
    # a table's rows run together on one line
    ("Seats by party:\nParty Seats Labour 412 Conservative 121 Reform 117\nSource: the commission",
     [("412", 412, None, "seats", "count", "exact"), ("121", 121, None, "seats", "count", "exact"), ("117", 117, None, "seats", "count", "exact")]),
    # rows a line each, counted by the heading; a heading that names nothing counted leaves them bare
    ("The number of medals won by country:\nNorway – 16\nGermany – 12\nCanada: 9\nThat was all.",
     [("16", 16, None, "medals", "count", "exact"), ("12", 12, None, "medals", "count", "exact"), ("9", 9, None, "medals", "count", "exact")]),
    ("Results:\nNorway – 16\nGermany – 12\nCanada – 9",
     [("16", 16, None, None, "count", "exact"), ("12", 12, None, None, "count", "exact"), ("9", 9, None, None, "count", "exact")]),
    # A dateline opens the first sentence: its capitalised number word counts, it names nothing.
    ("DENVER (Wire) – Seven hikers have been rescued from the ridge.",
     [("Seven hikers", 7, None, "hikers", "count", "exact")]),
    ("OSLO, March 3 – Four ferries were cancelled.", [("Four ferries", 4, None, "ferries", "count", "exact")]),
    ("Friday, March 8, 2024 – Six climbers were rescued.", [("Six climbers", 6, None, "climbers", "count", "exact")]),
    # a bare share set beside another share of its sentence is a share; "a third party" is none
    ("Two-thirds of the grant went to clinics, against a fifth in 2019, and a third party got the rest.",
     [("Two-thirds", 200 / 3, None, "percent", "percent", "exact"), ("a fifth", 20, None, "percent", "percent", "exact")]),
    # lengthened and shortened move a length of time: a change by it, then the level it reached
    ("Queues lengthened by 9 minutes to 40 minutes.",
     [("9 minutes", 9, None, "minutes", "duration", "exact"), ("40 minutes", 40, None, "minutes", "duration", "exact")]),
    # "Rs" in a story that names a Pakistani province is the Pakistani rupee
    ("The Sindh canal plan costs Rs 3.4bn.", [("Rs 3.4bn", 3.4e9, None, "PKR", "currency", "exact")]),
    # "K" glued to a scaled amount is the currency of the place the story names
    ("Lusaka set aside K4.5bn for roads.", [("K4.5bn", 4.5e9, None, "ZMW", "currency", "exact")]),
    # a rate's number denominator after what is measured: "of diesel" stays in the rate
    ("Buses burn 31 litres of diesel per 100 kilometres.",
     [("31 litres of diesel per 100 kilometres", 31, None, "liters per 100_kilometers", "count", "exact")]),
    # a baseline after the clause's own words takes the count's noun; a parallel "off-peak" takes the rate
    ("Rangers counted 9 wolves on the ridge this spring, down from 14.",
     [("9 wolves", 9, None, "wolves", "count", "exact"), ("14", 14, None, "wolves", "count", "exact")]),
    ("Huts cost 700 rupees a night in summer and 450 off-peak.",
     [("700 rupees a night", 700, None, "INR per night", "currency", "exact"), ("450", 450, None, "INR per night", "currency", "exact")]),
    # money "to each" or "for every" thing is a rate per that thing; "for each of them" names none
    ("Each grant of 2,000 lari goes to every farmer, and $5 for each of them.",
     [("2,000 lari goes to every farmer", 2000, None, "GEL per farmer", "currency", "exact"), ("$5", 5, None, "USD", "currency", "exact")]),
    # "m" glued beside a length's words is metres, not millions; a height a vault reached is no rise
    ("She vaulted 4.85m, then 4.90m, and the ship is 300m long; the club paid 4.5m.",
     [("4.85m", 4.85, None, "meters", "count", "exact"), ("4.90m", 4.9, None, "meters", "count", "exact"),
      ("300m", 300, None, "meters", "count", "exact"), ("4.5m", 4.5e6, None, None, "count", "exact")]),
    # in a story of jumps and throws a bare "m" figure is a length; so is one to the centimetre; "went up to" is no hedge
    ("In the high jump final the bar went up to 2.36m after a record of 2.4m.",
     [("2.36m", 2.36, None, "meters", "count", "exact"), ("2.4m", 2.4, None, "meters", "count", "exact")]),
    ("The winning throw measured 71.45m; turnover rose to 4.5m.",
     [("71.45m", 71.45, None, "meters", "count", "exact"), ("4.5m", 4.5e6, None, None, "count", "exact")]),
    ("The mark stood at 2.09m (6 feet 10¼ inches).",
     [("2.09m", 2.09, None, "meters", "count", "exact"), ("6 feet 10¼ inches", 6 + 10.25 / 12, None, "feet", "count", "exact")]),
    ("The gap is one centimetre.", [("one centimetre", 1, None, "centimeters", "count", "exact")]),
    # titles counted by a multiplying word, as "a two-time champion" counts them; "triple jump" is an event
    ("The double world champion beat the triple jump champion.", [("double", 2, None, "titles", "count", "exact")]),
    # a share right after its move verb is the move's size; "falls due" is no fall; "one-time" and "one fell swoop" count nothing
    ("Copper gained almost a third, and $2bn falls due in May; a one-time fee went in one fell swoop.",
     [("almost a third", 100 / 3, None, "percent", "percent", "approximately"), ("$2bn", 2e9, None, "USD", "currency", "exact")]),
    # numbered wards in a list are names; a river's level glued to "m" is metres
    ("Wards 4 and 9 shut as the river rose 20cm to 3.4m.",
     [("20cm", 20, None, "centimeters", "count", "exact"), ("3.4m", 3.4, None, "meters", "count", "exact")]),
    # the age a sentence opens with, before the person it names
    ("At 31, Moreau is the oldest in the squad.", [("31", 31, None, "years", "count", "exact")]),
    # runs for wickets in words, and wickets before overs, are a cricket score
    ("Kent were bowled out for 190 chasing 254 for eight, and Essex made 301 for 4 in 50 overs.",
     [("50 overs", 50, None, "overs", "count", "exact")]),
    # "pounds" converted into kilograms right after is a weight
    ("Hand luggage is capped at 22 pounds (10 kg).",
     [("22 pounds", 22, None, "pounds", "count", "exact"), ("10 kg", 10, None, "kilograms", "count", "exact")]),
    # a margin at the clause's end counts one; a pronoun "one" does not
    ("The amendment was lost by one, and the mayor was hit by one.", [("one", 1, None, None, "count", "exact")]),
    # The number of a stage or a type names it, with or without a noun after it.
    ("Rates of type 2 diabetes were 9% higher, and two phase 3 trials failed.",
     [("9%", 9, None, "percent", "percent", "exact"), ("two", 2, None, None, "count", "exact")]),
    # "twice"/"thrice" before what they compare are multiples; how often something happened is not.
    ("Rents climbed at twice the pace of wages, and visits fell twice a year.", [("twice", 2, None, "times", "count", "exact")]),
    ("Thrice as many riders came as in 2019.", [("Thrice", 3, None, "times", "count", "exact")]),
    # The people who expected a figure are not what it counts; a survey's size still counts them.
    ("Hiring slowed to 64,000, below the 90,000 economists polled by Dow Jones had forecast.",
     [("64,000", 64000, None, None, "count", "exact"), ("90,000", 90000, None, None, "count", "exact")]),
    ("That beat the 1,500 analysts had expected; 30 analysts expected a loss.",
     [("1,500", 1500, None, None, "count", "exact"), ("30 analysts", 30, None, "analysts", "count", "exact")]),
    # Which of the harmed, then what befell them: a count, not "the two sides".
    ("The three latest victims were all over 80.", [("three latest victims", 3, None, "victims", "count", "exact"),
                                                    ("over 80", 80, None, None, "count", "more_than")]),
    # A table's signed change column, spaced from the count before it: not a score, not a range.
    ("Greens (G) 41 -6 12.5 % Liberals (L) 77 +12 30.1 %", [
        ("41", 41, None, None, "count", "exact"), ("-6", -6, None, None, "count", "exact"),
        ("12.5 %", 12.5, None, "percent", "percent", "exact"), ("77", 77, None, None, "count", "exact"),
        ("12", 12, None, None, "count", "exact"), ("30.1 %", 30.1, None, "percent", "percent", "exact")]),
    # ... and the capitalised word after a signed value is the next row's name, not what it counts.
    ("Seats: Labour (LAB) 98 -14 Greens (GRN) 31 +9 Liberal (LIB) 12 -3", [
        ("98", 98, None, None, "count", "exact"), ("-14", -14, None, None, "count", "exact"),
        ("31", 31, None, None, "count", "exact"), ("9", 9, None, None, "count", "exact"),
        ("12", 12, None, None, "count", "exact"), ("-3", -3, None, None, "count", "exact")]),
    # After money, "a" and any one thing is what the price is of; "each" makes it per one of the people or
    # things counted before it, the first of them, and the words after "each" are not what it is of.
    ("Bakers sell it for 90 rupees a loaf.", [("90 rupees a loaf", 90, None, "INR per loaf", "currency", "exact")]),
    ("The two winners took $50,000 each and a trophy.", [("$50,000", 50000, None, "USD per winner", "currency", "exact")]),
    # "all six numbers" a ticket must match is the game's rule, no count (no real-article gold counts it)
    ("Nine tickets matched all six numbers to win $2 million each.", [
        ("Nine tickets", 9, None, "tickets", "count", "exact"),
        ("$2 million", 2e6, None, "USD per ticket", "currency", "exact")]),
    ("Nurses in Leeds will get a bonus of £900 each year.", [("£900 each year", 900, None, "GBP per year", "currency", "exact")]),
    # A unit written once for two parallel groups: "of" a kind, "to" a place, a place of three words, and money.
    ("The boats landed 2,100 tonnes of cod and 600 of haddock.", [
        ("2,100 tonnes", 2100, None, "tonnes", "count", "exact"), ("600", 600, None, "tonnes", "count", "exact")]),
    ("About 3.4 million tablets went to schools and 900,000 to libraries.", [
        ("About 3.4 million tablets", 3.4e6, None, "tablets", "count", "approximately"), ("900,000", 9e5, None, "tablets", "count", "exact")]),
    ("Output was 9 tonnes at the east shaft and 4.5 at the west one.", [
        ("9 tonnes", 9, None, "tonnes", "count", "exact"), ("4.5", 4.5, None, "tonnes", "count", "exact")]),
    ("Fines reach 8,000 lari for littering and 20,000 for dumping.", [
        ("8,000 lari", 8000, None, "GEL", "currency", "exact"), ("20,000", 20000, None, "GEL", "currency", "exact")]),
    # A list's scale word written once is every listed number's; a move's end is no list.
    ("Offers came in at 1.2, 1.7 and 2.3 billion dollars.", [
        ("1.2", 1.2e9, None, "USD", "currency", "exact"), ("1.7", 1.7e9, None, "USD", "currency", "exact"),
        ("2.3 billion dollars", 2.3e9, None, "USD", "currency", "exact")]),
    ("Sales rose by 480,000 to 7.3 million.", [
        ("480,000", 480000, None, None, "count", "exact"), ("7.3 million", 7.3e6, None, None, "count", "exact")]),
    # Metres, a fraction of a percentage point, irregular plurals and British spellings
    ("The summit stands 4,478 m above sea level.", [("4,478 m", 4478, None, "meters", "count", "exact")]),
    ("The yield rose by nought point two of a percentage point.", [
        ("nought point two of a percentage point", 0.2, None, "percentage_points", "percent", "exact")]),
    ("One elephant calf and 1.4 million travellers", [("One elephant calf", 1, None, "elephant_calves", "count", "exact"),
                                                      ("1.4 million travellers", 1.4e6, None, "travelers", "count", "exact")]),
    # A price of one good sold one at a time, named apart from the number: before it as the subject or after
    # "the price of a", or after it with "for a"; a count of those goods, and a one-off sale, are no such price.
    ("Tickets for the derby now cost 45 lari, up from 38 lari.", [
        ("45 lari", 45, None, "GEL per ticket", "currency", "exact"), ("38 lari", 38, None, "GEL per ticket", "currency", "exact")]),
    ("The spot price of a solar panel slid from $120 to $95.", [
        ("from $120 to $95", 95, 120, "USD per panel", "currency", "range")]),
    ("Fans pay 12 euros for a return bus ticket; parking is 40 euros.", [
        ("12 euros", 12, None, "EUR per ticket", "currency", "exact"), ("40 euros", 40, None, "EUR", "currency", "exact")]),
    ("Three tickets in Ohio raised their prize to $1 million.", [
        ("Three tickets", 3, None, "tickets", "count", "exact"), ("$1 million", 1e6, None, "USD", "currency", "exact")]),
    ("A farmhouse near Cork sold for €2.1m.", [("€2.1m", 2.1e6, None, "EUR", "currency", "exact")]),
    # Hundredths spoken after a whole amount of money are one price with it; a count after the money is not.
    ("Rapeseed oil costs two euros forty a litre, and 40 pounds 12 times.", [
        ("two euros forty a litre", 2.4, None, "EUR per liter", "currency", "exact"),
        ("40 pounds", 40, None, "GBP", "currency", "exact"), ("12 times", 12, None, "times", "count", "exact")]),
    # Counted nouns: a hyphened plural with no noun after it, plurals without "s", "a single" opening a
    # sentence, "one in a hundred"; an adverb or a preposition after a noun is no part of it.
    ("Fewer than 90 e-bikes and 300 salmon were counted. A single ferry still runs; one in a hundred trips is late.", [
        ("Fewer than 90 e-bikes", 90, None, "e_bikes", "count", "less_than"), ("300 salmon", 300, None, "salmon", "count", "exact"),
        ("A single ferry", 1, None, "ferries", "count", "exact"), ("one in a hundred", 1, None, "percent", "percent", "exact")]),
    ("Only one bridge out of the 30 inspected failed, and 12 tonnes now sell for less.", [
        ("one bridge", 1, None, "bridges", "count", "exact"), ("30", 30, None, None, "count", "exact"),
        ("12 tonnes", 12, None, "tonnes", "count", "exact")]),
    # A spoken decimal after "hundred and ..." takes the scale after it; a verb left out of a list's last
    # clause is the first clause's, after a subject ending in "-ed" that is no verb, or after a place.
    ("Sales reached two hundred and six point five million dollars.", [
        ("two hundred and six point five million dollars", 206.5e6, None, "USD", "currency", "exact")]),
    ("Wool output shrank 4%, yarn by 3% and feed sales by 2%; exports fell 1% to China and 3% to Japan.", [
        ("4%", -4, None, "percent", "percent", "exact"), ("3%", -3, None, "percent", "percent", "exact"),
        ("2%", -2, None, "percent", "percent", "exact"), ("1%", -1, None, "percent", "percent", "exact"),
        ("3%", -3, None, "percent", "percent", "exact")]),
    # Cents glued as "c" are hundredths of the dollar named before them; rain that fell at a rate is no fall, a
    # sum for an expansion no rise, and "pared back by" a fall.
    ("Rides cost NZ$2, plus 40c a minute, after the tram fare rose 5c.", [
        ("NZ$2", 2, None, "NZD per ride", "currency", "exact"), ("40c a minute", 0.4, None, "NZD per minute", "currency", "exact"),
        ("5c", 0.05, None, "NZD", "currency", "exact")]),
    ("Snow fell at 4cm an hour; a £90m expansion of the depot; quotas were pared back by 300 tonnes.", [
        ("4cm an hour", 4, None, "centimeters per hour", "count", "exact"), ("£90m", 90e6, None, "GBP", "currency", "exact"),
        ("300 tonnes", -300, None, "tonnes", "count", "exact")]),
    # A count whose noun is the cut is a fall; a fall "lower than" the amount of a year before; a sport's counts
    # written as compounds; a batter who "doubled against" a pitcher multiplied nothing; pay forgone is cut.
    ("The carmaker announced 4,000 job cuts; profit was 40% lower than the 90 billion yen in the same period last year.", [
        ("4,000 job cuts", -4000, None, "job_cuts", "count", "exact"), ("40%", -40, None, "percent", "percent", "exact"),
        ("90 billion yen", 90e9, None, "JPY", "currency", "exact")]),
    ("She had a four-hit, two-homer night and doubled against Diaz; the chief will forgo 30% of his pay.", [
        ("four-hit", 4, None, "hits", "count", "exact"), ("two-homer", 2, None, "homers", "count", "exact"),
        ("30%", -30, None, "percent", "percent", "exact")]),
    # A count compared with an earlier forecast or exit poll is a change from it.
    ("The Greens won two more than the exit poll, and Labour one seat less than in the first forecast.", [
        ("two", 2, None, None, "count", "exact"), ("one seat", -1, None, "seats", "count", "exact")]),
    ("The carmaker plans to slash 4,000 jobs.", [("4,000 jobs", -4000, None, "jobs", "count", "exact")]),
    # A name skipped before the noun counted stays on the number's line: the next paragraph's "The" is no name.
    ("The total now stands at 66,966,400\nThe results show growth", [("66,966,400", 66966400, None, None, "count", "exact")]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_quantities(text: str, expected: list[tuple]) -> None:
    found = [(m.text, m.value, m.value_max, m.unit, m.unit_class, m.qualifier) for m in quantities(text)]
    assert found == expected
    assert all(text[m.start:m.end] == m.text for m in quantities(text))


@pytest.mark.parametrize("text, date_parts", [
    ("largest expansion since 2016", ["2016"]),
    ("a closed-door briefing on November 1", ["1"]),
    ("attacks on December 29 and January 2", ["29", "2"]),
    ("signed on 1 July 2024", ["1", "2024"]),
    ("the first accusation came in September 2022", ["2022"]),
    ("prices have risen since at least 2005", ["at least 2005"]),
    ("in 2021 people bought fewer cars", ["2021 people"]),
    ("growth in Q1 2023-’24 was strong", ["24"]),  # a fiscal year's second year, after an apostrophe
    ("the FY23-24 budget", ["24"]),
    ("a level seen in Q1FY22-23", ["23"]),
    ("growth in the April-June 2023 quarter", ["2023 quarter"]),  # a year before "quarter" counts no quarters
])
def test_date_parts_are_flagged_not_counted(text: str, date_parts: list[str]) -> None:
    assert [m.text for m in scan(text) if m.is_year] == date_parts
    assert quantities(text) == []


@pytest.mark.parametrize("text", [
    "cited cooperation as one factor", "the two sides turned to one another", "one of the largest employers",
    "the first time since the pandemic", "an A320 and a COVID-19 ward",
    "its two-year fixed rate", "the 30-year mortgage", "the two sides are a million miles apart",
])
def test_words_that_are_not_quantities(text: str) -> None:
    assert [m for m in quantities(text) if m.text.lower() in {"one", "a", "an", "320", "19", "two-year", "30-year", "a million miles"}] == []


@pytest.mark.parametrize("text, direction", [
    ("the economy contracted 4.5 percent", "down"), ("a 0.2 percent dip", "down"), ("exports fell 3%", "down"),
    ("GDP grew 3.1% in 2023", "up"), ("output expanded by 4.9%", "up"), ("prices were 3% in March", None),
    ("a 0.5% underlying rise", "up"), ("a panel of 38 economists expecting growth to cool", None),
    ("Some 12 forecasters see inflation cuts ahead", None),
    # a comparison with the same thing at another time is a change; with another thing it is none
    ("The herd is a quarter larger than it was before the drought", "up"), ("Sales were 12% higher than in March", "up"),
    ("The port handled 40% fewer boxes than in the same week of 2022", "down"), ("Rents are 30% higher than in Madrid", None),
    ("The lender shaved 20 basis points off its rate", "down"),
    ("Freight rates are still a quarter below March's peak", "down"), ("Sales are 5% above their 2019 level", "up"),
    ("Ferry traffic is 20% above 2023 levels", "up"), ("Hotel stays are 15% below pre-pandemic levels", "down"),
    ("Twice as many cruise ships docked in May as in the same month of 2023", "up"),
    ("Pension costs were squeezed by 2pc", "down"), ("Spreads were widening 20bps", "up"),
    ("The scheme lost investors a total of $90 million", "down"),
    ("The bank announced a reduction of its bond holdings under the scheme by EUR 5 billion a month", "down"),
    ("The wings hold a fifth more inmates than they were built for", None),  # a capacity, not an earlier time
    ("A museum contract ranged from 9 to 14 million", None),  # a noun, not the verb "contract"
    ("It was 1.7 degrees above the long-term average", None),
    ("The survey turned up 14 nesting pairs", None), ("Divers dug up 3 cannons", None),  # found, not a rise
    ("The new depot takes up 12 hectares", None),  # room filled, not a rise
    ("The lender's rate was trimmed 15bp", "down"), ("Office yields compressed by 20 basis points", "down"),
    ("The levy adds about £30 a month to a typical bill", "up"), ("The extension adds nine classrooms", None),
    ("The budget adds $4m for parks", None), ("The trust has sunk millions of pounds into new wards", None),
    ("The firm opened 12 stores in May and 7 more are planned", None),  # more of them, not a rise
    ("It matched the 4,000 roles that were cut in 2019", "down"), ("The charge has a negative impact of 3% on margins", "down"),
    ("The bank announced job cuts, affecting 2,500 staff", "down"), ("The recall affects 40,000 vans", None),
    ("Exports were 14% ahead of last year", "up"), ("Orders are 9% behind the same period last year", "down"),
    ("Output this year was twice that of last year", "up"), ("Fares are almost double the price three years ago", "up"),
    ("Bond yields recovered 8 basis points", "up"), ("Customs officers recovered $40,000 in cash", None),
    ("The ice sheet lost 4.1 metres of thickness", "down"), ("The wetland lost 800 hectares", "down"),  # a size lost
])
def test_direction_words(text: str, direction: str | None) -> None:
    assert quantities(text)[0].direction == direction


@pytest.mark.parametrize("text", [
    "The lake dropped 1.5 metres (4.9 feet) over the summer",  # a conversion in brackets is the same change
    "Visits from Spain fell 12% and those from Italy 8%",  # "those" stands for the noun whose verb it shares
])
def test_a_conversion_or_a_verbless_clause_shares_the_change(text: str) -> None:
    assert [(m.direction, m.value < 0) for m in quantities(text)] == [("down", True), ("down", True)]


@pytest.mark.parametrize("text, units", [
    ("Tremors of magnitude 3 to 4 and one of magnitude 5.2, 4.9 and 4.4 were felt", ["magnitude"] * 4),  # a scale named once
    ("A magnitude 6.2 quake hit at night and 90 died", ["magnitude", None]),  # not a count of magnitudes
    ("The lagoon is 12 kilometres long and 3 wide", ["kilometers", "kilometers"]),
    ("The storm killed 14 people and injured 230", ["people", "people"]),
    ("The gallery sent 40 prints to Oslo and 25 to Bergen", ["prints", "prints"]),
    ("Coverage is 88 percent in cities and 54 in villages", ["percent", "percent"]),
    ("Home sales fell to 1.31m, and the towers measure 210m from base to tip", [None, "meters"]),  # millions, then metres
    ("The fire left 2,000 homeless and 35 injured", ["people", "people"]),
])
def test_a_unit_written_once_is_shared(text: str, units: list[str | None]) -> None:
    assert [m.unit for m in quantities(text)] == units


@pytest.mark.parametrize("text, expected", [
    ("The alliance won 41 out of 52 declared", [(41, None), (52, None)]),  # a part of a whole in digits, no share
    ("Its partners took one and two seats", [(1, "seats"), (2, "seats")]),
    ("\"We lost everything,\" said Amina Yusuf, 63.", [(63, "years")]),
    ("The lighthouse keeper, 71, has kept the lamp lit", [(71, "years")]),
    ("The rate slid to zero-point-68, and turnout was 77,4%", [(0.68, None), (77.4, "percent")]),  # spoken and comma decimals
    ("The median age will rise from 41.5 in 2020 to 52.8 in 2050", [(41.5, "years"), (52.8, "years")]),
    ("Tar fouled a four-kilometre strip of sand", [(4, "kilometers")]),
    ("Pump prices rose from 40 to 45 cents, and a loaf costs ninety pence", [(0.4, "USD"), (0.9, "GBP per loaf")]),  # both ends in cents
    ("The fair sold C$2.1m of passes in a day", [(2.1e6, "CAD")]),  # "in a day" is when, no rate
    ("The probe landed 40m west of its target after braking at a 70m altitude", [(40, "meters"), (70, "meters")]),
    ("It aimed for a landing accuracy of 120m", [(120, "meters")]),
    ("After braking at a 60m altitude, its error was judged to be 8m or less, perhaps 2 – 3m",  # lengths beside a length
     [(60, "meters"), (8, "meters"), (2, "meters")]),
])
def test_parts_listed_counts_and_ages(text: str, expected: list[tuple]) -> None:
    assert [(m.value, m.unit) for m in quantities(text)] == expected


def test_kilos_are_kilograms() -> None:
    assert [m.unit for m in quantities("Each family got 4.5 kilos of rice and 2 kilos a head of flour")] == [
        "kilograms", "kilograms per capita"]


def test_ids_run_in_order_and_sentences_are_found() -> None:
    text = "Prices in the U.S. rose 3.1% last year. Mr. Smith said exports hit $2 billion! Imports fell 4%."
    mentions = quantities(text)
    assert [m.id for m in mentions] == ["m1", "m2", "m3"]
    sentences = [text[m.sentence_start:m.sentence_end] for m in mentions]
    assert sentences == ["Prices in the U.S. rose 3.1% last year.", "Mr. Smith said exports hit $2 billion!", "Imports fell 4%."]
    assert sentence_bounds(text, 0) == (0, len(sentences[0]))


def test_scan_is_deterministic_on_long_text() -> None:
    # Its speed is a benchmark figure (benchmarks/scanner.py prints it), not a timed test.
    text = "In 2023 output grew 3.1% to $2.77 billion, with about 2 million workers. " * 700
    assert len(text) > 50_000
    first = scan(text)
    assert first == scan(text)
    assert len([m for m in first if not m.is_year]) == 3 * 700


# Issue 15's classes: new hand-written sentences (not copies of tests/data/scanner), in
# tests/data/mention_cases.json as {"class", "text", "expected": [[value, value_max, unit, qualifier, direction]]}.
CASES = json.loads((Path(__file__).parent / "data" / "mention_cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("kind, text, expected", [(c["class"], c["text"], c["expected"]) for c in CASES["classes"]],
                         ids=[f"{c['class']}:{c['text'][:30]}" for c in CASES["classes"]])
def test_each_class_of_issue_15(kind: str, text: str, expected: list[list]) -> None:
    found = [(m.value, m.value_max, m.unit, m.qualifier, m.direction) for m in quantities(text)]
    assert [(pytest.approx(v), None if vm is None else pytest.approx(vm), u, q, d) for v, vm, u, q, d in expected] == found


@pytest.mark.parametrize("text, rules", [(c["text"], c["rules"]) for c in CASES["not_quantities"]])
def test_numbers_that_are_not_quantities_say_which_rule_decided(text: str, rules: list[str]) -> None:
    assert quantities(text) == []
    assert [r.rule for r in rejections(text)] == rules
    assert all(text[r.start:r.end] == r.text for r in rejections(text))


@pytest.mark.parametrize("text, kept", [
    ("Ferry fares\n\nThe operator says the crossing will save about 40 milli", []),
    ("Ferry fares\n\nSince the spring, fares on the night crossing have fallen 12", []),
    ("Ferry fares\n\nThe port authority has promised a further $250…", []),
    ("Ferry fares\n\nLast winter the fare on the night crossing rose to €48,00", []),
    ("Ferry fares\n\nThe island's new vessel is a 90-metre catam", [("90-metre", 90.0)]),
    ("Ferry fares\n\nA return ticket on the short hop will go up from £7.35", [("£7.35", 7.35)]),
    ("Ferry fares\n\nA return ticket on the short hop rose to 5%", [("5%", 5.0)]),
    ("Ferry Fares Rise For A Third Year To 14", [("14", 14.0)]),
])
def test_a_figure_where_an_excerpt_is_cut_off_is_no_quantity_when_its_scale_may_be_lost(
        text: str, kept: list[tuple[str, float]]) -> None:
    assert [(m.text, abs(m.value)) for m in quantities(text)] == kept
    assert ("cut_off" in [r.rule for r in rejections(text)]) == (not kept)


def test_scan_candidates_lists_kept_and_rejected_numbers_in_order() -> None:
    text = "The S&P 500 fell 2% at 3:45 p.m. on Friday."
    candidates = scan_candidates(text)
    assert [(c.text, c.rule) for c in candidates] == [("500", "name"), ("2%", None), ("3", "clock_time"), ("45", "clock_time")]
    assert candidates[1].mention is not None and candidates[1].mention.value == -2


@pytest.mark.parametrize("text, cue", [
    ("Output contracted 3.2% in the quarter.", "contracted"),
    ("Retail sales saw a 0.7% dip in January.", "dip"),
    ("The cold snap took temperatures to minus 9 degrees Celsius.", "minus"),
    ("The central bank cut its key rate by 25 basis points.", "cut its key rate by"),
])
def test_the_words_that_set_a_sign_are_kept(text: str, cue: str) -> None:
    (mention,) = quantities(text)
    assert mention.value < 0
    assert mention.cue == cue


@pytest.mark.parametrize("headline", ["Boeing Unveils New 777 Jet At Air Show", "S&P 500 Gains As Tech Stocks Rally",
                                      "The Fortune 500 List Grows Longer", "Airlines flew the 787 Dreamliner jets.",
                                      "The Big 12 Conference schools voted."])
def test_names_with_numbers_stay_names_in_title_case_lines_and_before_plurals(headline: str) -> None:
    assert quantities(headline) == []
