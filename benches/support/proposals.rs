//! The generated ~1 MB proposal document both benchmarks read (one definition, so their
//! figures are about the same text).

/// Realistic proposal units (English and French), repeated with increasing proposal
/// numbers until the text reaches `size` bytes. `clean`: every citation current (no
/// findings); else about one unit in 2.4 cites a superseded revision. `separators`: units
/// separated by lines of asterisks, as most documents are; without them, as some
/// exports are, units follow each other directly.
pub fn generate(size: usize, clean: bool, separators: bool) -> String {
    const RESOLUTIONS: [(u32, &str); 4] = [
        (45, "Mechanisms for enhancing cooperation on cybersecurity, including countering and combating spam"),
        (69, "Facilitating creation of national computer incident response teams, particularly for developing countries, and cooperation among them"),
        (37, "Bridging the digital divide"),
        (50, "Optimal integration of information and communication technologies"),
    ];
    let mut text = String::with_capacity(size + 4096);
    let mut seq = 1;
    while text.len() < size {
        let (number, title) = RESOLUTIONS[seq % RESOLUTIONS.len()];
        if seq % 2 == 0 {
            text.push_str(&format!(
                "MOD\tECP/24A6/{seq}\n\nRESOLUTION {number} (Rev. Dubai, 2014)\n\n{title}\n\n\
The World Telecommunication Development Conference (Buenos Aires, 2017),\n\
recalling\n\
a)\tResolution 140 (Rev. Busan, 2014) of the Plenipotentiary Conference, on ITU's role in implementing the outcomes of the World Summit on the Information Society;\n\
b)\tResolution 130 (Rev. {}) of the Plenipotentiary Conference, on strengthening the role of ITU in building confidence and security in the use of information and communication technologies;\n\
c)\tResolution 69 (Rev. Dubai, 2014) of this Conference, on national computer incident response teams,\n\
considering\n\
a)\tthat developing countries rely more and more on telecommunications/ICTs for their growth, and are exposed to attacks on their networks;\n\
b)\tthe work carried out under Question 3/2 by ITU-D Study Group 2,\n\
resolves\n\
1\tto continue to assist Member States in building national cybersecurity frameworks;\n\
2\tto invite Sector Members to take part in this work,\n\
instructs the Director of the Telecommunication Development Bureau\n\
1\tto report to the next conference on the implementation of this resolution.\n\n\
Reasons:\tUpdate the references to resolutions of the Plenipotentiary Conference.\n\n*****************\n\n",
                if seq % 4 == 0 && !clean { "Guadalajara, 2010" } else { "Busan, 2014" }
            ));
        } else {
            text.push_str(&format!(
                "MOD\tECP/24A6/{seq}\n\nRÉSOLUTION {number} (RÉV. DUBAÏ, 2014)\n\nTitre de la résolution {number}\n\n\
La Conférence mondiale de développement des télécommunications (Buenos Aires, 2017),\n\
rappelant\n\
a)\tla Résolution 140 (Rév. {}) de la Conférence de plénipotentiaires, sur le rôle de l'UIT dans la mise en œuvre des résultats du Sommet mondial sur la société de l'information;\n\
b)\tla Résolution 130 (Rév. Busan, 2014) de la Conférence de plénipotentiaires, sur le renforcement du rôle de l'UIT dans l'instauration de la confiance;\n\
c)\tles Résolutions 101, 102 et 130 (Rév. Busan, 2014) de la Conférence de plénipotentiaires,\n\
reconnaissant\n\
a)\tque les pays en développement dépendent de plus en plus des télécommunications/TIC pour leur croissance;\n\
b)\tles travaux menés dans le cadre de la Question 3/2 de la Commission d'études 2 de l'UIT-D,\n\
décide\n\
1\tde continuer à aider les États Membres à élaborer des cadres nationaux de cybersécurité;\n\
2\td'inviter les Membres de Secteur à participer à ces travaux,\n\n\
Motifs:\tMettre à jour les références aux résolutions de la Conférence de plénipotentiaires.\n\n*****************\n\n",
                if seq % 3 == 0 && !clean { "Guadalajara, 2010" } else { "Busan, 2014" }
            ));
        }
        seq += 1;
    }
    if !separators {
        text = text.replace("*****************\n\n", "");
    }
    text
}
