/* Fictional articles shared by the dedup and cluster tests: a wire story
 * about a tram line, its copies and rewrites, an independent report of the
 * same vote, and two reports of an unrelated chess tournament. */
#ifndef ND_TEST_STORY_TEXTS_H
#define ND_TEST_STORY_TEXTS_H

/* Each test uses some of them. */
#define ND_TEXT static __attribute__((unused))

/* The source: a wire story. */
ND_TEXT const char wire[] =
	"Tarnel council approves tram line to the harbour district\n\n"
	"TARNEL, June 3 (NW) - The Tarnel city council on Tuesday approved a "
	"410 million crown tram line linking the central station with the "
	"harbour district, ending four years of debate over the route.\n"
	"The 9.5 km line will have fourteen stops and is due to open in the "
	"autumn of 2028, according to the transport department.\n"
	"\"This line will change how people reach work in the harbour,\" "
	"mayor Ilse Brandvold told reporters after the vote, which passed by "
	"31 votes to 14.\n"
	"Opponents argued that the cost had doubled since the first estimate "
	"and that buses could serve the district more cheaply.\n"
	"Councillor Teodor Vass, who led the opposition, said the city should "
	"have waited for the national rail budget before committing its own "
	"money.\n"
	"The harbour district has grown rapidly since the old shipyards "
	"closed, and about 22,000 people now live in new apartment blocks "
	"along the quay.\n"
	"Construction is expected to begin next spring, with the first rails "
	"laid along Kanalgata.\n"
	"The transport department said traffic on the harbour bridge would be "
	"limited to one lane during the works.\n"
	"Shop owners on Kanalgata have asked the council for compensation for "
	"the months of disruption.\n"
	"The council will publish the full construction timetable in "
	"September.\n";

/* The same body under another title, with typographic quotes and one
 * paragraph split over two lines: an exact copy once folded. */
ND_TEXT const char copy[] =
	"Harbour tram gets the green light\n\n"
	"TARNEL, June 3 (NW) \xe2\x80\x93 The Tarnel city council on Tuesday "
	"approved a 410 million crown tram line linking the central station "
	"with the harbour district, ending four years of debate over the "
	"route.\n"
	"The 9.5 km line will have fourteen stops and is due to open in the "
	"autumn of 2028, according to the transport department.\n"
	"\xe2\x80\x9cThis line will change how people reach work in the "
	"harbour,\xe2\x80\x9d mayor Ilse Brandvold told reporters after the "
	"vote, which passed by 31 votes to 14.\n"
	"Opponents argued that the cost had doubled since the first "
	"estimate\nand that buses could serve the district more cheaply.\n"
	"Councillor Teodor Vass, who led the opposition, said the city should "
	"have waited for the national rail budget before committing its own "
	"money.\n"
	"The harbour district has grown rapidly since the old shipyards "
	"closed, and about 22,000 people now live in new apartment blocks "
	"along the quay.\n"
	"Construction is expected to begin next spring, with the first rails "
	"laid along Kanalgata.\n"
	"The transport department said traffic on the harbour bridge would be "
	"limited to one lane during the works.\n"
	"Shop owners on Kanalgata have asked the council for compensation for "
	"the months of disruption.\n"
	"The council will publish the full construction timetable in "
	"September.\n";

/* The wire with its last paragraph reworded and one sentence added. */
ND_TEXT const char near_copy[] =
	"Tarnel says yes to harbour tram\n\n"
	"TARNEL, June 3 (NW) - The Tarnel city council on Tuesday approved a "
	"410 million crown tram line linking the central station with the "
	"harbour district, ending four years of debate over the route.\n"
	"The 9.5 km line will have fourteen stops and is due to open in the "
	"autumn of 2028, according to the transport department.\n"
	"\"This line will change how people reach work in the harbour,\" "
	"mayor Ilse Brandvold told reporters after the vote, which passed by "
	"31 votes to 14.\n"
	"Opponents argued that the cost had doubled since the first estimate "
	"and that buses could serve the district more cheaply.\n"
	"Councillor Teodor Vass, who led the opposition, said the city should "
	"have waited for the national rail budget before committing its own "
	"money.\n"
	"The harbour district has grown rapidly since the old shipyards "
	"closed, and about 22,000 people now live in new apartment blocks "
	"along the quay.\n"
	"Construction is expected to begin next spring, with the first rails "
	"laid along Kanalgata.\n"
	"The transport department said traffic on the harbour bridge would be "
	"limited to one lane during the works.\n"
	"Shop owners on Kanalgata have asked the council for compensation for "
	"the months of disruption.\n"
	"A full timetable for the works is promised for September.\n";

/* The first six paragraphs of the wire only: a truncated republication. */
ND_TEXT const char truncated[] =
	"Tram line approved\n\n"
	"TARNEL, June 3 (NW) - The Tarnel city council on Tuesday approved a "
	"410 million crown tram line linking the central station with the "
	"harbour district, ending four years of debate over the route.\n"
	"The 9.5 km line will have fourteen stops and is due to open in the "
	"autumn of 2028, according to the transport department.\n"
	"\"This line will change how people reach work in the harbour,\" "
	"mayor Ilse Brandvold told reporters after the vote, which passed by "
	"31 votes to 14.\n"
	"Opponents argued that the cost had doubled since the first estimate "
	"and that buses could serve the district more cheaply.\n"
	"Councillor Teodor Vass, who led the opposition, said the city should "
	"have waited for the national rail budget before committing its own "
	"money.\n"
	"The harbour district has grown rapidly since the old shipyards "
	"closed, and about 22,000 people now live in new apartment blocks "
	"along the quay.\n";

/* A machine-spun rewrite of the wire: synonyms swapped in, the order,
 * names, numbers and the quote kept, one sentence split in two. */
/* A follow-up of the wire story months later: its own news, then three of
 * the wire's paragraphs repeated word for word as background. */
ND_TEXT const char followup[] =
	"Tarnel tram works to start in March, transport department says\n\n"
	"TARNEL, Sept 12 (NW) - Work on the harbour tram will start in March, "
	"two months earlier than planned, the transport department said on "
	"Friday as it published the construction timetable.\n"
	"The first phase covers the stretch between the central station and "
	"the old customs house, where crews will move water mains and power "
	"cables before any rails are laid.\n"
	"Department head Marit Solberg said the contractor had agreed to work "
	"at night near the school on Brygga street to keep daytime noise "
	"down.\n"
	"Residents will be able to follow the works on a public map updated "
	"every week.\n"
	"The 9.5 km line will have fourteen stops and is due to open in the "
	"autumn of 2028, according to the transport department.\n"
	"Opponents argued that the cost had doubled since the first estimate "
	"and that buses could serve the district more cheaply.\n"
	"The harbour district has grown rapidly since the old shipyards "
	"closed, and about 22,000 people now live in new apartment blocks "
	"along the quay.\n";

ND_TEXT const char spun[] =
	"Tarnel council authorizes streetcar line to the harbour quarter\n\n"
	"The Tarnel town council on Tuesday authorized a 410 million crown "
	"streetcar line connecting the principal station with the harbour "
	"quarter, finishing four years of dispute over the path.\n"
	"The 9.5 km line may have fourteen halts and is due to open within "
	"the fall of 2028, in step with the transportation department.\n"
	"\"This line will change how people reach work in the harbour,\" "
	"mayor Ilse Brandvold informed journalists after the ballot, which "
	"handed by 31 votes to 14.\n"
	"Adversaries argued that the fee had doubled since the primary "
	"estimate and that buses might serve the quarter more affordably.\n"
	"Councillor Teodor Vass, who led the opposition, stated the town "
	"should have waited for the national rail budget. He stated that was "
	"earlier than committing its personal money.\n"
	"The harbour quarter has grown swiftly since the previous shipyards "
	"closed, and approximately 22,000 individuals now live in new condo "
	"blocks along the quay.\n"
	"Construction is anticipated to start subsequent spring, with the "
	"primary rails laid along Kanalgata.\n"
	"The transportation department stated site visitors on the harbour "
	"bridge would be restricted to 1 lane during the works.\n"
	"Store proprietors on Kanalgata have requested the council for "
	"repayment for the months of disruption.\n"
	"The council will put up the whole construction timetable in "
	"September.\n";

/* Independent reporting of the same vote: shared facts, own words. */
ND_TEXT const char independent[] =
	"Harbour residents cheer, shopkeepers worry as tram vote passes\n\n"
	"TARNEL - Residents of the harbour district have waited years for a "
	"direct link to the city centre, and on Tuesday the council finally "
	"voted for one.\n"
	"The tram line, approved by 31 votes to 14, will cost 410 million "
	"crowns and run 9.5 km from the central station to the quay.\n"
	"At a bakery on Kanalgata, owner Mirela Ostrow said she welcomed the "
	"tram but feared the building work would drive customers away.\n"
	"\"Two years of diggers outside my window is a long time for a small "
	"shop,\" she said.\n"
	"Mayor Ilse Brandvold has promised that the works will be phased so "
	"that no street is closed for more than six months.\n"
	"Urban planner Jonas Ekdal of Tarnel University said the line would "
	"make the district less dependent on cars.\n"
	"He noted that similar lines in other port cities had raised "
	"property values within a decade.\n"
	"Critics on the council, led by Teodor Vass, still question the "
	"price, which has doubled since the first estimate.\n"
	"The first trams are expected in the autumn of 2028.\n";

/* Another story altogether. */
ND_TEXT const char unrelated[] =
	"Young grandmaster wins Lindholm chess open\n\n"
	"LINDHOLM - Seventeen-year-old Arvid Moen won the Lindholm chess open "
	"on Sunday after a tense final round against the defending champion.\n"
	"Moen sacrificed a knight on move 23 and converted the endgame in "
	"just under five hours of play.\n"
	"\"I was not sure the attack would work, but I trusted it,\" Moen "
	"said at the prize ceremony in the town hall.\n"
	"The open drew 214 players from nineteen countries, a record for the "
	"tournament, which was first held in 1987.\n"
	"Organisers said next year's edition would add a separate section "
	"for players under twelve.\n";

/* Another report of the chess open: same event, own words. */
ND_TEXT const char unrelated_followup[] =
	"Moen, 17, takes Lindholm open with bold knight sacrifice\n\n"
	"Arvid Moen became the youngest winner of the Lindholm chess open on "
	"Sunday, beating the defending champion in a final round that lasted "
	"almost five hours.\n"
	"The teenager's knight sacrifice on move 23 stunned the spectators "
	"in the town hall, and the endgame that followed left his opponent "
	"without a defence.\n"
	"Tournament director Selma Hauge said the record field of 214 players "
	"showed that chess in Lindholm was thriving.\n"
	"Moen will play in the national championship in the autumn.\n";

#endif
