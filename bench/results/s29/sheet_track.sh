# how sheet_track.jsonl was made (session 29, this repo's root, CPU): the three 12 x 3 studies' moving runs
S=bench/results; python bench/sheet_track.py \
 $S/s22/mc3held/ss_m/sheet_mc3held.png $S/s22/mc3held/ss_m/study.json \
 $S/s22/mc3held_seed1/ss_n/sheet_mc3held.png $S/s22/mc3held_seed1/ss_n/study.json \
 $S/s24/seed2/ss_s2/sheet_full.png $S/s24/seed2/ss_s2/study.json \
 $S/s25/o0/ss_o0/sheet_mcothers.png $S/s25/o0/ss_o0/study.json \
 $S/s24/mcothers/ss_mo/sheet_mcothers.png $S/s24/mcothers/ss_mo/study.json \
 $S/s25/o2/ss_o2/sheet_mcothers.png $S/s25/o2/ss_o2/study.json \
 $S/s28/seed1_mo7held/ss_s1/sheet_mo7held.png $S/s28/seed1_mo7held/ss_s1/study.json \
 $S/s29/study0_mo7held/ss_m/sheet_mo7held.png $S/s29/study0_mo7held/ss_m/study.json \
 $S/s29/study2_mo7held/ss_m/sheet_mo7held.png $S/s29/study2_mo7held/ss_m/study.json | grep -v "Warn\|Loading" > $S/s29/sheet_track.jsonl
