<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Facilitator</source>
        <translation>Animation</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Public body</source>
        <translation>Collectivité</translation>
    </message>
    <message>
        <source>Research</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Tag with theme {n}</source>
        <translation>Étiqueter avec le thème {n}</translation>
    </message>
    <message>
        <source>Tag the selected concepts with theme {n} of the Themes list, or untag them</source>
        <translation>Étiqueter les concepts sélectionnés avec le thème {n} de la liste des thèmes, ou retirer l’étiquette</translation>
    </message>
    <message>
        <source>&amp;Give a dot</source>
        <translation>Donner une &amp;gommette</translation>
    </message>
    <message>
        <source>The speaker gives one vote dot to each selected concept</source>
        <translation>L’intervenant donne une gommette à chaque concept sélectionné</translation>
    </message>
    <message>
        <source>Take back a d&amp;ot</source>
        <translation>Reprendre &amp;une gommette</translation>
    </message>
    <message>
        <source>The speaker takes back one dot from each selected concept</source>
        <translation>L’intervenant reprend une gommette à chaque concept sélectionné</translation>
    </message>
    <message>
        <source>Ne&amp;xt speaker</source>
        <translation>&amp;Intervenant suivant</translation>
    </message>
    <message>
        <source>Prev&amp;ious speaker</source>
        <translation>Intervenant précé&amp;dent</translation>
    </message>
    <message>
        <source>The next participant speaks: new concepts, tags and votes are theirs</source>
        <translation>Le participant suivant prend la parole&#xa0;: les nouveaux concepts, étiquettes et votes sont les siens</translation>
    </message>
    <message>
        <source>The previous participant speaks</source>
        <translation>Le participant précédent prend la parole</translation>
    </message>
    <message>
        <source>A session that cannot be read</source>
        <translation>Une session illisible</translation>
    </message>
    <message>
        <source>A session that cannot be read (autosaved {when})</source>
        <translation>Une session illisible (sauvegardée automatiquement le {when})</translation>
    </message>
    <message>
        <source>never saved to a file</source>
        <translation>jamais enregistrée dans un fichier</translation>
    </message>
    <message>
        <source>autosaved {when}, {nodes} nodes</source>
        <translation>sauvegardée automatiquement le {when}, {nodes} nœuds</translation>
    </message>
    <message>
        <source>Start a &amp;tagging round…</source>
        <translation>Lancer un tour d’é&amp;tiquetage…</translation>
    </message>
    <message>
        <source>The participants tag the concepts in turn (keys 1-9, F6 for the next)</source>
        <translation>Les participants étiquettent les concepts à tour de rôle (touches 1 à 9, F6 pour le suivant)</translation>
    </message>
    <message>
        <source>Start a dot &amp;vote…</source>
        <translation>Lancer un &amp;vote par gommettes…</translation>
    </message>
    <message>
        <source>Each participant gives a budget of dots to the concepts (+ and -)</source>
        <translation>Chaque participant répartit son budget de gommettes entre les concepts (+ et -)</translation>
    </message>
    <message>
        <source>&amp;End the round</source>
        <translation>Ter&amp;miner le tour</translation>
    </message>
    <message>
        <source>Close the round going on</source>
        <translation>Clore le tour en cours</translation>
    </message>
    <message>
        <source>&amp;Reveal the votes</source>
        <translation>&amp;Révéler les votes</translation>
    </message>
    <message>
        <source>Show the dots of the hidden vote on the map and the ranking</source>
        <translation>Montrer les gommettes du vote caché sur la carte et le classement</translation>
    </message>
    <message>
        <source>&amp;Clusters by theme…</source>
        <translation>Re&amp;grouper par thème…</translation>
    </message>
    <message>
        <source>The concepts side by side in one column per theme</source>
        <translation>Les concepts côte à côte, une colonne par thème</translation>
    </message>
    <message>
        <source>Vote &amp;heat</source>
        <translation>&amp;Chaleur des votes</translation>
    </message>
    <message>
        <source>A warm halo round the concepts of the last revealed vote</source>
        <translation>Un halo chaud autour des concepts du dernier vote révélé</translation>
    </message>
    <message>
        <source>Vote ({n} dots each)</source>
        <translation>Vote ({n} gommettes chacun)</translation>
    </message>
    <message>
        <source>Tagging round</source>
        <translation>Tour d’étiquetage</translation>
    </message>
    <message>
        <source>{kind} · {start}–{end}</source>
        <translation>{kind} · {start}–{end}</translation>
    </message>
    <message>
        <source>{kind} · started on {start}</source>
        <translation>{kind} · commencé le {start}</translation>
    </message>
    <message>
        <source>{kind} · started at {start}</source>
        <translation>{kind} · commencé à {start}</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>Tours de table</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Édition</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Themes and votes</source>
        <translation>Thèmes et votes</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Intervenants</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Affichage</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <source>Replace the selected node&apos;s text</source>
        <translation>Remplacer le texte du nœud sélectionné</translation>
    </message>
    <message>
        <source>start typing</source>
        <translation>taper au clavier</translation>
    </message>
    <message>
        <source>While typing: keep the text / put the old one back</source>
        <translation>Pendant la saisie&#xa0;: garder le texte / remettre l’ancien</translation>
    </message>
    <message>
        <source>Enter / Esc</source>
        <translation>Entrée / Échap</translation>
    </message>
    <message>
        <source>While typing: a new line</source>
        <translation>Pendant la saisie&#xa0;: aller à la ligne</translation>
    </message>
    <message>
        <source>Shift+Enter</source>
        <translation>Maj+Entrée</translation>
    </message>
    <message>
        <source>While typing: keep the text and add a child</source>
        <translation>Pendant la saisie&#xa0;: garder le texte et ajouter un enfant</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Select / add or remove / select a rectangle</source>
        <translation>Sélectionner / ajouter ou retirer / sélectionner un rectangle</translation>
    </message>
    <message>
        <source>Click / Ctrl+click / Shift+drag</source>
        <translation>Clic / Ctrl+clic / Maj+glisser</translation>
    </message>
    <message>
        <source>Move a node under another (edges: before / after)</source>
        <translation>Déplacer un nœud sous un autre (bords&#xa0;: avant / après)</translation>
    </message>
    <message>
        <source>Drag it onto that node</source>
        <translation>Le glisser sur ce nœud</translation>
    </message>
    <message>
        <source>Link two nodes</source>
        <translation>Lier deux nœuds</translation>
    </message>
    <message>
        <source>Alt+drag to the other space</source>
        <translation>Alt+glisser vers l’autre espace</translation>
    </message>
    <message>
        <source>Cancel a drag</source>
        <translation>Annuler un glisser</translation>
    </message>
    <message>
        <source>Esc during the drag</source>
        <translation>Échap pendant le glisser</translation>
    </message>
    <message>
        <source>In the find bar: next match</source>
        <translation>Dans la barre de recherche&#xa0;: occurrence suivante</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>In the find bar: previous match</source>
        <translation>Dans la barre de recherche&#xa0;: occurrence précédente</translation>
    </message>
    <message>
        <source>In the find bar: close it, back to the map</source>
        <translation>Dans la barre de recherche&#xa0;: la fermer, retour à la carte</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
    <message>
        <source>Move the view</source>
        <translation>Déplacer la vue</translation>
    </message>
    <message>
        <source>Ctrl+arrows, or drag on empty space</source>
        <translation>Ctrl+flèches, ou glisser sur un espace vide</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Ctrl+wheel</source>
        <translation>Ctrl+molette</translation>
    </message>
    <message>
        <source>Tag with theme {first}–{last}</source>
        <translation>Étiqueter avec le thème {first} à {last}</translation>
    </message>
    <message>
        <source>{first} … {last}</source>
        <translation>{first} … {last}</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Blank C-K workshop (C0 to write, themes ready, empty K pockets)</source>
        <translation>Atelier C-K vierge (C0 à écrire, thèmes prêts, poches K vides)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;Rounds</source>
        <translation>&amp;Tours</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Timer</source>
        <translation>&amp;Minuteur</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>Add &amp;child</source>
        <translation>Ajouter un &amp;enfant</translation>
    </message>
    <message>
        <source>Add a child of the selected node and type its text</source>
        <translation>Ajouter un enfant au nœud sélectionné et taper son texte</translation>
    </message>
    <message>
        <source>Add &amp;sibling</source>
        <translation>Ajouter un &amp;frère</translation>
    </message>
    <message>
        <source>Add a sibling after the selected node and type its text</source>
        <translation>Ajouter un frère après le nœud sélectionné et taper son texte</translation>
    </message>
    <message>
        <source>Add sibling &amp;before</source>
        <translation>Ajouter un frère a&amp;vant</translation>
    </message>
    <message>
        <source>Add a sibling before the selected node</source>
        <translation>Ajouter un frère avant le nœud sélectionné</translation>
    </message>
    <message>
        <source>Add a new pocket (a root of K-space)</source>
        <translation>Ajouter une nouvelle poche (une racine de l’espace K)</translation>
    </message>
    <message>
        <source>&amp;Edit text</source>
        <translation>&amp;Modifier le texte</translation>
    </message>
    <message>
        <source>Type the selected node&apos;s text</source>
        <translation>Taper le texte du nœud sélectionné</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Remove the selection with its branches and links</source>
        <translation>Supprimer la sélection avec ses branches et ses liens</translation>
    </message>
    <message>
        <source>&amp;Link C→K</source>
        <translation>&amp;Lier C→K</translation>
    </message>
    <message>
        <source>Link the selected concept and knowledge item, concept to knowledge</source>
        <translation>Lier le concept et la connaissance sélectionnés, du concept vers la connaissance</translation>
    </message>
    <message>
        <source>Link &amp;K→C</source>
        <translation>Lier &amp;K→C</translation>
    </message>
    <message>
        <source>Link the selected knowledge item and concept, knowledge to concept</source>
        <translation>Lier la connaissance et le concept sélectionnés, de la connaissance vers le concept</translation>
    </message>
    <message>
        <source>Add pocke&amp;t of knowledge</source>
        <translation>Ajouter une poche de co&amp;nnaissances</translation>
    </message>
    <message>
        <source>Fold / &amp;unfold</source>
        <translation>Re&amp;plier / déplier</translation>
    </message>
    <message>
        <source>Fold or unfold the selected branch</source>
        <translation>Replier ou déplier la branche sélectionnée</translation>
    </message>
    <message>
        <source>Go to &amp;C-space</source>
        <translation>Aller à l’espace &amp;C</translation>
    </message>
    <message>
        <source>Go to &amp;K-space</source>
        <translation>Aller à l’espace &amp;K</translation>
    </message>
    <message>
        <source>Select up</source>
        <translation>Sélectionner vers le haut</translation>
    </message>
    <message>
        <source>Select down</source>
        <translation>Sélectionner vers le bas</translation>
    </message>
    <message>
        <source>Select left</source>
        <translation>Sélectionner à gauche</translation>
    </message>
    <message>
        <source>Select right</source>
        <translation>Sélectionner à droite</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About CK Studio</source>
        <translation>À &amp;propos de CK Studio</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>Préféren&amp;ces…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Ré&amp;tablir</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <source>New from &amp;template…</source>
        <translation>Nouveau depuis un &amp;modèle…</translation>
    </message>
    <message>
        <source>Start from the C-K workshop template or an example</source>
        <translation>Partir du modèle d’atelier C-K ou d’un exemple</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>Re&amp;venir à la version enregistrée</translation>
    </message>
    <message>
        <source>Drop the changes, read the file again</source>
        <translation>Abandonner les modifications, relire le fichier</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Close this session; a blank one takes its place</source>
        <translation>Fermer cette session&#xa0;; une session vierge la remplace</translation>
    </message>
    <message>
        <source>E&amp;xport report…</source>
        <translation>Exporter le &amp;rapport…</translation>
    </message>
    <message>
        <source>R&amp;eading size</source>
        <translation>Taille de &amp;lecture</translation>
    </message>
    <message>
        <source>&amp;Trees grow to the right</source>
        <translation>Arbres vers la &amp;droite</translation>
    </message>
    <message>
        <source>Write the PDF workshop report of this session</source>
        <translation>Écrire le rapport d’atelier PDF de cette session</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom a&amp;vant</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>&amp;Fit map</source>
        <translation>A&amp;juster la carte</translation>
    </message>
    <message>
        <source>Fit &amp;selection</source>
        <translation>Ajuster à la &amp;sélection</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>Find text in concepts, knowledge and notes</source>
        <translation>Rechercher du texte dans les concepts, les connaissances et les notes</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>&amp;Occurrence suivante</translation>
    </message>
    <message>
        <source>Find pre&amp;vious</source>
        <translation>Occurrence &amp;précédente</translation>
    </message>
    <message>
        <source>Switch between trees growing down and to the right</source>
        <translation>Faire pousser les arbres vers le bas ou vers la droite</translation>
    </message>
    <message>
        <source>&amp;Dark appearance</source>
        <translation>Apparence s&amp;ombre</translation>
    </message>
    <message>
        <source>&amp;Legend</source>
        <translation>Lé&amp;gende</translation>
    </message>
    <message>
        <source>Show the legend under the map</source>
        <translation>Afficher la légende sous la carte</translation>
    </message>
    <message>
        <source>Ex&amp;port</source>
        <translation>Ex&amp;porter</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <source>{file}, {where}: {reason}</source>
        <translation>{file}, {where}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{file}: {reason}</source>
        <translation>{file}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>(and {problems})</source>
        <translation>(et {problems})</translation>
    </message>
    <message>
        <source>{file} is not a valid CK Studio session: its content breaks the format.</source>
        <translation>{file} n’est pas une session CK Studio valide&#xa0;: son contenu ne respecte pas le format.</translation>
    </message>
    <message>
        <source>The previous version is in {backup}.</source>
        <translation>La version précédente est dans {backup}.</translation>
    </message>
    <message>
        <source>more problem</source>
        <translation>autre problème</translation>
    </message>
    <message>
        <source>more problems</source>
        <translation>autres problèmes</translation>
    </message>
    <message>
        <source>… and {problems}</source>
        <translation>… et {problems}</translation>
    </message>
</context>
<context>
    <name>Audience</name>
    <message>
        <source>&amp;Audience view…</source>
        <translation>Vue pour la s&amp;alle…</translation>
    </message>
    <message>
        <source>Show the map for the room, on a screen you choose (a projector)</source>
        <translation>Montrer la carte à la salle, sur l’écran de votre choix (un vidéoprojecteur)</translation>
    </message>
    <message>
        <source>Put the audience view full screen on its screen, or back</source>
        <translation>Mettre la vue pour la salle en plein écran sur son écran, ou l’en sortir</translation>
    </message>
    <message>
        <source>Show the room only the selected node&apos;s branch</source>
        <translation>Ne montrer à la salle que la branche du nœud sélectionné</translation>
    </message>
    <message>
        <source>Audience: &amp;back up</source>
        <translation>Salle&#xa0;: re&amp;monter</translation>
    </message>
    <message>
        <source>Show the room one level up, then the whole map</source>
        <translation>Montrer à la salle un niveau au-dessus, puis toute la carte</translation>
    </message>
    <message>
        <source>Show or hide K-space on the audience view</source>
        <translation>Afficher ou masquer l’espace K dans la vue pour la salle</translation>
    </message>
    <message>
        <source>&amp;Start / pause</source>
        <translation>&amp;Démarrer / pause</translation>
    </message>
    <message>
        <source>Start the timer, or pause it</source>
        <translation>Démarrer le minuteur, ou le mettre en pause</translation>
    </message>
    <message>
        <source>&amp;Add a minute</source>
        <translation>&amp;Ajouter une minute</translation>
    </message>
    <message>
        <source>One more minute for this step</source>
        <translation>Une minute de plus pour cette étape</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>&amp;Réinitialiser</translation>
    </message>
    <message>
        <source>Back to the step&apos;s full time, stopped</source>
        <translation>Revenir à la durée complète de l’étape, à l’arrêt</translation>
    </message>
    <message>
        <source>&amp;Next step</source>
        <translation>Étape &amp;suivante</translation>
    </message>
    <message>
        <source>Go to the next phase or rotation step and start it</source>
        <translation>Passer à la phase ou à l’étape de rotation suivante et la démarrer</translation>
    </message>
    <message>
        <source>Audience view full scree&amp;n</source>
        <translation>Vue pour la salle en plein &amp;écran</translation>
    </message>
    <message>
        <source>Audience: drill do&amp;wn</source>
        <translation>Salle&#xa0;: desce&amp;ndre dans la branche</translation>
    </message>
    <message>
        <source>Audience: show K-s&amp;pace</source>
        <translation>Salle&#xa0;: affic&amp;her l’espace K</translation>
    </message>
    <message>
        <source>Audience: show vote &amp;results</source>
        <translation>Salle&#xa0;: afficher le classemen&amp;t du vote</translation>
    </message>
    <message>
        <source>Show or hide the revealed vote&apos;s ranking on the audience view</source>
        <translation>Afficher ou masquer le classement du vote révélé sur la vue pour la salle</translation>
    </message>
    <message>
        <source>S&amp;ound at the end</source>
        <translation>S&amp;on à la fin</translation>
    </message>
    <message>
        <source>Beep when a step&apos;s time is up, besides the red signal</source>
        <translation>Un bip quand le temps d’une étape est écoulé, en plus du signal rouge</translation>
    </message>
    <message>
        <source>Start/pause</source>
        <translation>Démarrer/pause</translation>
    </message>
    <message>
        <source>+1 min</source>
        <translation>+1 min</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>{name} — {width} × {height} at {percent} %</source>
        <translation>{name} — {width} × {height} à {percent}&#xa0;%</translation>
    </message>
    <message>
        <source>Audience view</source>
        <translation>Vue pour la salle</translation>
    </message>
    <message>
        <source>Show the audience view on:</source>
        <translation>Afficher la vue pour la salle sur&#xa0;:</translation>
    </message>
    <message>
        <source>The audience sees the whole map</source>
        <translation>La salle voit toute la carte</translation>
    </message>
    <message>
        <source>The audience sees the branch “{text}”</source>
        <translation>La salle voit la branche «&#xa0;{text}&#xa0;»</translation>
    </message>
</context>
<context>
    <name>AudienceWindow</name>
    <message>
        <source>CK Studio — audience view</source>
        <translation>CK Studio — vue pour la salle</translation>
    </message>
</context>
<context>
    <name>ClusterView</name>
    <message>
        <source>Clusters by theme</source>
        <translation>Regroupement par thème</translation>
    </message>
    <message>
        <source>Concepts of the round</source>
        <translation>Concepts du tour</translation>
    </message>
    <message>
        <source>Every concept</source>
        <translation>Tous les concepts</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher&#xa0;:</translation>
    </message>
    <message>
        <source>Not tagged</source>
        <translation>Sans étiquette</translation>
    </message>
    <message>
        <source>{n} concepts; {several} with several themes show in each of their columns</source>
        <translation>{n} concepts&#xa0;; les {several} qui ont plusieurs thèmes figurent dans chacune de leurs colonnes</translation>
    </message>
    <message>
        <source>all tagged</source>
        <translation>tous étiquetés</translation>
    </message>
    <message>
        <source>most dots first</source>
        <translation>les plus votés en tête</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… et {n} de plus</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>also {themes}</source>
        <translation>aussi {themes}</translation>
    </message>
    <message>
        <source>dot</source>
        <translation>gommette</translation>
    </message>
    <message>
        <source>dots</source>
        <translation>gommettes</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>Import sticky notes from CSV</source>
        <translation>Importer des post-it depuis un CSV</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— aucune —</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Which column holds what:</source>
        <translation>Quelle colonne contient quoi&#xa0;:</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Texte&#xa0;:</translation>
    </message>
    <message>
        <source>Parent:</source>
        <translation>Parent&#xa0;:</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>Identifiant&#xa0;:</translation>
    </message>
    <message>
        <source>Path:</source>
        <translation>Chemin&#xa0;:</translation>
    </message>
    <message>
        <source>Themes:</source>
        <translation>Thèmes&#xa0;:</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>Auteur&#xa0;:</translation>
    </message>
    <message>
        <source>Reach:</source>
        <translation>Atteignabilité&#xa0;:</translation>
    </message>
    <message>
        <source>Partition:</source>
        <translation>Partition&#xa0;:</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Issue&#xa0;:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notes&#xa0;:</translation>
    </message>
    <message>
        <source>Space (C or K):</source>
        <translation>Espace (C ou K)&#xa0;:</translation>
    </message>
    <message>
        <source>Holder:</source>
        <translation>Détenteur&#xa0;:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Statut&#xa0;:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Source&#xa0;:</translation>
    </message>
    <message>
        <source>{rows} in one column; the first {shown}:</source>
        <translation>{rows} sur une colonne&#xa0;; les {shown} premières&#xa0;:</translation>
    </message>
    <message>
        <source>{rows} in one column:</source>
        <translation>{rows} sur une colonne&#xa0;:</translation>
    </message>
    <message>
        <source>semicolons</source>
        <translation>des points-virgules</translation>
    </message>
    <message>
        <source>commas</source>
        <translation>des virgules</translation>
    </message>
    <message>
        <source>tabs</source>
        <translation>des tabulations</translation>
    </message>
    <message>
        <source>row</source>
        <translation>ligne</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>lignes</translation>
    </message>
    <message>
        <source>{rows}, cells separated by {delimiter}; the first {shown}:</source>
        <translation>{rows}, cellules séparées par {delimiter}&#xa0;; les {shown} premières&#xa0;:</translation>
    </message>
    <message>
        <source>{rows}, cells separated by {delimiter}:</source>
        <translation>{rows}, cellules séparées par {delimiter}&#xa0;:</translation>
    </message>
    <message>
        <source>Nothing can be imported: {reason}.</source>
        <translation>Rien ne peut être importé&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Correct the Parent column in the spreadsheet, or choose — none — for Parent.</source>
        <translation>Corrigez la colonne Parent dans le tableur, ou choisissez «&#xa0;— aucune —&#xa0;» pour Parent.</translation>
    </message>
    <message>
        <source>Correct the file in the spreadsheet, or change the columns above.</source>
        <translation>Corrigez le fichier dans le tableur, ou changez les colonnes choisies ci-dessus.</translation>
    </message>
    <message>
        <source>concept</source>
        <translation>concept</translation>
    </message>
    <message>
        <source>concepts</source>
        <translation>concepts</translation>
    </message>
    <message>
        <source>knowledge item</source>
        <translation>connaissance</translation>
    </message>
    <message>
        <source>knowledge items</source>
        <translation>connaissances</translation>
    </message>
    <message>
        <source>level</source>
        <translation>niveau</translation>
    </message>
    <message>
        <source>levels</source>
        <translation>niveaux</translation>
    </message>
    <message>
        <source>To import: {nodes} in {levels}.</source>
        <translation>À importer&#xa0;: {nodes} sur {levels}.</translation>
    </message>
    <message>
        <source>new theme</source>
        <translation>nouveau thème</translation>
    </message>
    <message>
        <source>new themes</source>
        <translation>nouveaux thèmes</translation>
    </message>
    <message>
        <source>To import: {nodes} in {levels}; {themes}.</source>
        <translation>À importer&#xa0;: {nodes} sur {levels}&#xa0;; {themes}.</translation>
    </message>
</context>
<context>
    <name>DragNodes</name>
    <message>
        <source>A concept stays in C-space and knowledge in K-space.</source>
        <translation>Un concept reste dans l’espace C et une connaissance dans l’espace K.</translation>
    </message>
    <message>
        <source>A node cannot go inside its own branch.</source>
        <translation>Un nœud ne peut pas aller dans sa propre branche.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>a session holds at most {most} themes</source>
        <translation>une session compte au plus {most} thèmes</translation>
    </message>
    <message>
        <source>a session holds at most {most} participants</source>
        <translation>une session compte au plus {most} participants</translation>
    </message>
    <message>
        <source>a session holds at most {most} rounds</source>
        <translation>une session compte au plus {most} tours</translation>
    </message>
    <message>
        <source>title</source>
        <translation>titre</translation>
    </message>
    <message>
        <source>brief</source>
        <translation>cahier des charges</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>place</source>
        <translation>lieu</translation>
    </message>
    <message>
        <source>language</source>
        <translation>langue</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notes</translation>
    </message>
    <message>
        <source>source</source>
        <translation>source</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>organisation</translation>
    </message>
    <message>
        <source>color</source>
        <translation>couleur</translation>
    </message>
    <message>
        <source>not a date written YYYY-MM-DD</source>
        <translation>ce n’est pas une date écrite AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>not an ISO 8601 date and time (YYYY-MM-DDThh:mm...)</source>
        <translation>ce n’est pas une date et une heure ISO 8601 (AAAA-MM-JJThh:mm...)</translation>
    </message>
    <message>
        <source>not a language tag such as fr, en or pt-BR</source>
        <translation>ce n’est pas un code de langue comme fr, en ou pt-BR</translation>
    </message>
    <message>
        <source>not a colour written #RRGGBB</source>
        <translation>ce n’est pas une couleur écrite #RRVVBB</translation>
    </message>
    <message>
        <source>the text holds a lone UTF-16 surrogate, which is not text</source>
        <translation>le texte contient une demi-paire UTF-16 isolée, qui n’est pas du texte</translation>
    </message>
    <message>
        <source>{field}: {reason}</source>
        <translation>{field}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>String should have at most {max_length} characters</source>
        <translation>le texte ne doit pas dépasser {max_length} caractères</translation>
    </message>
    <message>
        <source>String should have at least 1 character</source>
        <translation>le texte ne peut pas être vide</translation>
    </message>
    <message>
        <source>a session holds at most {most} concepts and knowledge items</source>
        <translation>une session compte au plus {most} concepts et connaissances</translation>
    </message>
    <message>
        <source>C0 cannot be removed</source>
        <translation>C0 ne peut pas être supprimé</translation>
    </message>
    <message>
        <source>C0 cannot be moved</source>
        <translation>C0 ne peut pas être déplacé</translation>
    </message>
    <message>
        <source>a node cannot be moved under itself or its own descendants</source>
        <translation>un nœud ne peut pas être déplacé sous lui-même ni sous ses descendants</translation>
    </message>
    <message>
        <source>C0 has no partition</source>
        <translation>C0 n’a pas de partition</translation>
    </message>
    <message>
        <source>a vote counts 0 to {most} dots, not {count}</source>
        <translation>un vote compte de 0 à {most} gommettes, pas {count}</translation>
    </message>
    <message>
        <source>a session holds at most {most} links</source>
        <translation>une session compte au plus {most} liens</translation>
    </message>
    <message>
        <source>a {kind} link from &apos;{concept}&apos; to &apos;{knowledge}&apos; exists already</source>
        <translation>un lien {kind} de «&#xa0;{concept}&#xa0;» vers «&#xa0;{knowledge}&#xa0;» existe déjà</translation>
    </message>
    <message>
        <source>expecting value</source>
        <translation>une valeur est attendue</translation>
    </message>
    <message>
        <source>expecting property name enclosed in double quotes</source>
        <translation>un nom de propriété entre guillemets doubles est attendu</translation>
    </message>
    <message>
        <source>expecting &apos;,&apos; delimiter</source>
        <translation>le séparateur «&#xa0;,&#xa0;» est attendu</translation>
    </message>
    <message>
        <source>expecting &apos;:&apos; delimiter</source>
        <translation>le séparateur «&#xa0;:&#xa0;» est attendu</translation>
    </message>
    <message>
        <source>extra data</source>
        <translation>des données suivent la fin du JSON</translation>
    </message>
    <message>
        <source>unterminated string starting at</source>
        <translation>chaîne de caractères non fermée, ouverte ici</translation>
    </message>
    <message>
        <source>invalid control character at</source>
        <translation>caractère de contrôle interdit à cet endroit</translation>
    </message>
    <message>
        <source>invalid \escape</source>
        <translation>séquence d’échappement invalide</translation>
    </message>
    <message>
        <source>invalid \uXXXX escape</source>
        <translation>séquence d’échappement \uXXXX invalide</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>le fichier est vide</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text (was it saved in another encoding?)</source>
        <translation>le fichier n’est pas du texte UTF-8 (a-t-il été enregistré dans un autre encodage&#xa0;?)</translation>
    </message>
    <message>
        <source>line {line}, column {column}</source>
        <translation>ligne {line}, colonne {column}</translation>
    </message>
    <message>
        <source>the key &apos;{key}&apos; appears twice in one object</source>
        <translation>la clé «&#xa0;{key}&#xa0;» apparaît deux fois dans le même objet</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a number JSON allows</source>
        <translation>«&#xa0;{name}&#xa0;» n’est pas un nombre que JSON autorise</translation>
    </message>
    <message>
        <source>the file takes {size:.1f} MB, more than the {most} MB allowed</source>
        <translation>le fichier fait {size}&#xa0;Mo, plus que les {most}&#xa0;Mo permis</translation>
    </message>
    <message>
        <source>the file holds more than {most:,} objects and arrays</source>
        <translation>le fichier contient plus de {most} objets et tableaux</translation>
    </message>
    <message>
        <source>not valid JSON: {reason}</source>
        <translation>ce n’est pas du JSON valide&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>the JSON is nested too deeply to be a session</source>
        <translation>le JSON est trop profondément imbriqué pour être une session</translation>
    </message>
    <message>
        <source>a number in the file is thousands of digits long</source>
        <translation>un nombre du fichier compte des milliers de chiffres</translation>
    </message>
    <message>
        <source>the file holds a lone UTF-16 surrogate escape, which is not text</source>
        <translation>le fichier contient une demi-paire UTF-16 échappée isolée, qui n’est pas du texte</translation>
    </message>
    <message>
        <source>this is not a CK Studio session (no &apos;format&apos;: &apos;{name}&apos;)</source>
        <translation>ce n’est pas une session CK Studio (son champ «&#xa0;format&#xa0;» ne vaut pas «&#xa0;{name}&#xa0;»)</translation>
    </message>
    <message>
        <source>the format version must be a whole number</source>
        <translation>la version du format doit être un nombre entier</translation>
    </message>
    <message>
        <source>made by a newer CK Studio (format version {version}; this one reads up to {current}): update CK Studio to open it</source>
        <translation>créé par une version plus récente de CK Studio (version de format {version}&#xa0;; celle-ci lit jusqu’à la version {current})&#xa0;: mettez CK Studio à jour pour l’ouvrir</translation>
    </message>
    <message>
        <source>{version} is not a format version CK Studio ever wrote</source>
        <translation>{version} n’est pas une version de format que CK Studio ait jamais écrite</translation>
    </message>
    <message>
        <source>the file holds an array, not a CK Studio session</source>
        <translation>le fichier contient un tableau, pas une session CK Studio</translation>
    </message>
    <message>
        <source>the file holds a string, not a CK Studio session</source>
        <translation>le fichier contient une chaîne de caractères, pas une session CK Studio</translation>
    </message>
    <message>
        <source>the file holds a single value, not a CK Studio session</source>
        <translation>le fichier contient une valeur isolée, pas une session CK Studio</translation>
    </message>
    <message>
        <source>this is not a usable file name</source>
        <translation>ce nom de fichier n’est pas utilisable</translation>
    </message>
    <message>
        <source>not saved: {reason}</source>
        <translation>rien n’a été enregistré&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>this is a PDF report; save the session as a {suffix} file</source>
        <translation>c’est un rapport PDF&#xa0;; enregistrez la session dans un fichier {suffix}</translation>
    </message>
    <message>
        <source>this is not a regular file</source>
        <translation>ce n’est pas un fichier ordinaire</translation>
    </message>
    <message>
        <source>the file or its folder does not exist</source>
        <translation>le fichier ou son dossier n’existe pas</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>permission refusée</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>le disque est en lecture seule</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>le disque est plein</translation>
    </message>
    <message>
        <source>the disk quota is exceeded</source>
        <translation>le quota du disque est dépassé</translation>
    </message>
    <message>
        <source>the file is too large for this disk or account</source>
        <translation>le fichier est trop gros pour ce disque ou ce compte</translation>
    </message>
    <message>
        <source>this is a folder, not a session file</source>
        <translation>c’est un dossier, pas un fichier de session</translation>
    </message>
    <message>
        <source>the file name is too long</source>
        <translation>le nom du fichier est trop long</translation>
    </message>
    <message>
        <source>could not read the file: {reason}</source>
        <translation>impossible de lire le fichier&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>could not write the file: {reason}</source>
        <translation>impossible d’écrire le fichier&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>this PDF holds no CK Studio session (it was not made by ckstudio report, or was altered)</source>
        <translation>ce PDF ne contient pas de session CK Studio (il n’a pas été créé par ckstudio report, ou a été modifié)</translation>
    </message>
    <message>
        <source>this PDF holds more than one CK Studio session (it was altered)</source>
        <translation>ce PDF contient plus d’une session CK Studio (il a été modifié)</translation>
    </message>
    <message>
        <source>this PDF cannot be read (it is damaged or cut short)</source>
        <translation>ce PDF est illisible (il est abîmé ou tronqué)</translation>
    </message>
    <message>
        <source>this PDF is protected by a password: CK Studio cannot read the session inside it</source>
        <translation>ce PDF est protégé par un mot de passe&#xa0;: CK Studio ne peut pas lire la session qu’il contient</translation>
    </message>
    <message>
        <source>not enough memory to read the session inside this PDF</source>
        <translation>pas assez de mémoire pour lire la session contenue dans ce PDF</translation>
    </message>
    <message>
        <source>the PDF takes {size:.1f} MB, more than the {most} MB allowed</source>
        <translation>le PDF fait {size}&#xa0;Mo, plus que les {most}&#xa0;Mo permis</translation>
    </message>
    <message>
        <source>the session inside this PDF takes more than the {most} MB allowed</source>
        <translation>la session contenue dans ce PDF dépasse les {most}&#xa0;Mo permis</translation>
    </message>
    <message>
        <source>the session inside this PDF takes {size:.1f} MB, more than the {most} MB allowed</source>
        <translation>la session contenue dans ce PDF fait {size}&#xa0;Mo, plus que les {most}&#xa0;Mo permis</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text (byte {offset}): in the spreadsheet, save it as “CSV UTF-8” and try again</source>
        <translation>le fichier n’est pas du texte UTF-8 (octet {offset})&#xa0;: dans le tableur, enregistrez-le au format «&#xa0;CSV UTF-8&#xa0;» et réessayez</translation>
    </message>
    <message>
        <source>the file cannot be read as CSV near row {row}</source>
        <translation>le fichier ne se lit pas comme du CSV vers la ligne {row}</translation>
    </message>
    <message>
        <source>row {row} has a stray quotation mark (&quot;): a cell that starts with &quot; must end with &quot;, and a &quot; inside it is written &quot;&quot;</source>
        <translation>la ligne {row} a un guillemet (&quot;) mal placé&#xa0;: une cellule qui commence par &quot; doit finir par &quot;, et un &quot; à l’intérieur s’écrit &quot;&quot;</translation>
    </message>
    <message>
        <source>the file holds no rows under its header</source>
        <translation>le fichier n’a aucune ligne sous sa ligne d’en-tête</translation>
    </message>
    <message>
        <source>the file has more than {most} rows, more than a session holds</source>
        <translation>le fichier a plus de {most} lignes, plus qu’une session n’en contient</translation>
    </message>
    <message>
        <source>the file would make more than {most} nodes, more than a session holds</source>
        <translation>le fichier donnerait plus de {most} nœuds, plus qu’une session n’en contient</translation>
    </message>
    <message>
        <source>row {row} has {count} cells but the header names only {columns} columns</source>
        <translation>la ligne {row} a {count} cellules mais l’en-tête ne nomme que {columns} colonnes</translation>
    </message>
    <message>
        <source>no column holds the text: name one “text” (or “texte”) in the header row</source>
        <translation>aucune colonne ne contient le texte&#xa0;: nommez-en une «&#xa0;texte&#xa0;» (ou «&#xa0;text&#xa0;») dans la ligne d’en-tête</translation>
    </message>
    <message>
        <source>the file has no column “{name}”</source>
        <translation>le fichier n’a pas de colonne «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <source>rows {first} and {second} have the same id “{id}”</source>
        <translation>les lignes {first} et {second} ont le même identifiant «&#xa0;{id}&#xa0;»</translation>
    </message>
    <message>
        <source>row {row} names the parent “{parent}”, which no row has</source>
        <translation>la ligne {row} nomme le parent «&#xa0;{parent}&#xa0;», qu’aucune ligne ne porte</translation>
    </message>
    <message>
        <source>row {row} names the parent “{parent}”, the text of several rows ({rows}): add an id column to tell them apart</source>
        <translation>la ligne {row} nomme le parent «&#xa0;{parent}&#xa0;», texte de plusieurs lignes ({rows})&#xa0;: ajoutez une colonne d’identifiants pour les distinguer</translation>
    </message>
    <message>
        <source>row {row} names itself as its parent</source>
        <translation>la ligne {row} se nomme elle-même comme parent</translation>
    </message>
    <message>
        <source>rows {rows} name each other as parents</source>
        <translation>les lignes {rows} se nomment l’une l’autre comme parents</translation>
    </message>
    <message>
        <source>columns left out: {names}</source>
        <translation>colonnes laissées de côté&#xa0;: {names}</translation>
    </message>
    <message>
        <source>rows with no text were left out: {rows}</source>
        <translation>lignes sans texte laissées de côté&#xa0;: {rows}</translation>
    </message>
    <message>
        <source>rows of the other space (C or K) were left out: {count}</source>
        <translation>lignes de l’autre espace (C ou K) laissées de côté&#xa0;: {count}</translation>
    </message>
    <message>
        <source>rows whose space is neither C nor K were left out: {rows}</source>
        <translation>lignes dont l’espace n’est ni C ni K laissées de côté&#xa0;: {rows}</translation>
    </message>
    <message>
        <source>nodes named only in the paths were added with their text: {count}</source>
        <translation>nœuds nommés seulement dans les chemins, ajoutés avec leur seul texte&#xa0;: {count}</translation>
    </message>
    <message>
        <source>CK Studio cannot import “{suffix}” files: it reads {suffixes}</source>
        <translation>CK Studio ne sait pas importer les fichiers «&#xa0;{suffix}&#xa0;»&#xa0;: il lit {suffixes}</translation>
    </message>
    <message>
        <source>this is not a FreeMind or Freeplane map: its first element is &lt;{found}&gt;, not &lt;map&gt;</source>
        <translation>ce n’est pas une carte FreeMind ou Freeplane&#xa0;: son premier élément est &lt;{found}&gt;, pas &lt;map&gt;</translation>
    </message>
    <message>
        <source>the map holds no node</source>
        <translation>la carte ne contient aucun nœud</translation>
    </message>
    <message>
        <source>arrows between nodes not imported: {n}</source>
        <translation>flèches entre nœuds non importées&#xa0;: {n}</translation>
    </message>
    <message>
        <source>icons not imported: {n}</source>
        <translation>icônes non importées&#xa0;: {n}</translation>
    </message>
    <message>
        <source>clouds not imported: {n}</source>
        <translation>nuages non importés&#xa0;: {n}</translation>
    </message>
    <message>
        <source>nodes whose colours, fonts or edge styles were not imported: {n}</source>
        <translation>nœuds dont les couleurs, polices ou styles de branche n’ont pas été importés&#xa0;: {n}</translation>
    </message>
    <message>
        <source>images, formulas and other add-ons not imported: {n}</source>
        <translation>images, formules et autres extensions non importées&#xa0;: {n}</translation>
    </message>
    <message>
        <source>fields given twice on one node, only the first value kept: {n} ({names})</source>
        <translation>champs donnés deux fois sur un même nœud, seule la première valeur est gardée&#xa0;: {n} ({names})</translation>
    </message>
    <message>
        <source>texts longer than {most} characters were cut; their end is in the notes</source>
        <translation>les textes de plus de {most} caractères ont été coupés&#xa0;; leur fin est dans les notes</translation>
    </message>
    <message>
        <source>the column “{name}” has no meaning here: left out</source>
        <translation>la colonne «&#xa0;{name}&#xa0;» n’a pas de sens ici&#xa0;: laissée de côté</translation>
    </message>
    <message>
        <source>“{value}” is not a {name}: left as it was</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas une valeur de {name}&#xa0;: laissé tel quel</translation>
    </message>
    <message>
        <source>the theme “{name}” was added</source>
        <translation>le thème «&#xa0;{name}&#xa0;» a été ajouté</translation>
    </message>
    <message>
        <source>the participant “{name}” was added</source>
        <translation>le participant «&#xa0;{name}&#xa0;» a été ajouté</translation>
    </message>
    <message>
        <source>notes longer than {most} characters were cut</source>
        <translation>les notes de plus de {most} caractères ont été coupées</translation>
    </message>
    <message>
        <source>the title was cut to {most} characters</source>
        <translation>le titre a été coupé à {most} caractères</translation>
    </message>
    <message>
        <source>the import holds {count} nodes, more than the session has room for ({room})</source>
        <translation>l’import compte {count} nœuds, plus que la session ne peut en recevoir ({room})</translation>
    </message>
    <message>
        <source>this is not an OPML file: its first element is &lt;{found}&gt;, not &lt;opml&gt;</source>
        <translation>ce n’est pas un fichier OPML&#xa0;: son premier élément est &lt;{found}&gt;, pas &lt;opml&gt;</translation>
    </message>
    <message>
        <source>the OPML file has no &lt;body&gt;</source>
        <translation>le fichier OPML n’a pas de &lt;body&gt;</translation>
    </message>
    <message>
        <source>the OPML file holds no outline</source>
        <translation>le fichier OPML ne contient aucun plan</translation>
    </message>
    <message>
        <source>the file is too big to import ({size} MB, at most {most} MB)</source>
        <translation>le fichier est trop gros pour être importé ({size} Mo, {most} Mo au plus)</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text (byte {offset}); save it as UTF-8 and try again</source>
        <translation>le fichier n’est pas du texte UTF-8 (octet {offset})&#xa0;; enregistrez-le en UTF-8 et réessayez</translation>
    </message>
    <message>
        <source>the tree is nested more than {most} levels deep</source>
        <translation>l’arbre a plus de {most} niveaux d’imbrication</translation>
    </message>
    <message>
        <source>the text holds nothing to import</source>
        <translation>le texte ne contient rien à importer</translation>
    </message>
    <message>
        <source>{n} empty list items were left out</source>
        <translation>{n} éléments de liste vides ont été laissés de côté</translation>
    </message>
    <message>
        <source>the file is damaged or is not a map of this kind (unreadable at line {line}, column {column})</source>
        <translation>le fichier est abîmé ou n’est pas une carte de ce type (illisible à la ligne {line}, colonne {column})</translation>
    </message>
    <message>
        <source>the file declares XML entities, refused for safety (a file could grow without limit)</source>
        <translation>le fichier déclare des entités XML, refusées par sécurité (un fichier pourrait grossir sans limite)</translation>
    </message>
    <message>
        <source>the file refers to another file or address, which is refused for safety</source>
        <translation>le fichier renvoie à un autre fichier ou à une adresse, ce qui est refusé par sécurité</translation>
    </message>
    <message>
        <source>the file declares an unknown encoding “{name}”</source>
        <translation>le fichier déclare un encodage inconnu «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <source>the file says its encoding is {declared} but it is written in {found}</source>
        <translation>le fichier se dit encodé en {declared} mais il est écrit en {found}</translation>
    </message>
    <message>
        <source>the file is not valid {encoding} text (byte {offset}); save it again as UTF-8</source>
        <translation>le fichier n’est pas un texte {encoding} valide (octet {offset})&#xa0;; enregistrez-le de nouveau en UTF-8</translation>
    </message>
    <message>
        <source>links to web pages or files not imported: {n}</source>
        <translation>liens vers des pages web ou des fichiers non importés&#xa0;: {n}</translation>
    </message>
    <message>
        <source>attributes not imported: {n} ({names})</source>
        <translation>attributs non importés&#xa0;: {n} ({names})</translation>
    </message>
</context>
<context>
    <name>FileQuestions</name>
    <message>
        <source>{name} is already open in another CK Studio on the computer “{host}”.</source>
        <translation>{name} est déjà ouvert dans un autre CK Studio sur l’ordinateur «&#xa0;{host}&#xa0;».</translation>
    </message>
    <message>
        <source>{name} is already open in another CK Studio window on this computer.</source>
        <translation>{name} est déjà ouvert dans une autre fenêtre CK Studio sur cet ordinateur.</translation>
    </message>
    <message>
        <source>{name} is already open in another CK Studio.</source>
        <translation>{name} est déjà ouvert dans un autre CK Studio.</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>Fichier&#xa0;: {path}</translation>
    </message>
    <message>
        <source>Process: {pid}</source>
        <translation>Processus&#xa0;: {pid}</translation>
    </message>
    <message>
        <source>Program: {app}</source>
        <translation>Programme&#xa0;: {app}</translation>
    </message>
    <message>
        <source>Computer: {host}</source>
        <translation>Ordinateur&#xa0;: {host}</translation>
    </message>
    <message>
        <source>File already open</source>
        <translation>Fichier déjà ouvert</translation>
    </message>
    <message>
        <source>Open it read-only to look without saving over the other window&apos;s work, or open a copy to save under another name.</source>
        <translation>Ouvrez-le en lecture seule pour le consulter sans écraser le travail de l’autre fenêtre, ou ouvrez une copie à enregistrer sous un autre nom.</translation>
    </message>
    <message>
        <source>Open &amp;read-only</source>
        <translation>Ouvrir en &amp;lecture seule</translation>
    </message>
    <message>
        <source>Open a &amp;copy</source>
        <translation>Ouvrir une &amp;copie</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>Fichier modifié sur le disque</translation>
    </message>
    <message>
        <source>{name} was changed or removed since you opened it (by another program or person).</source>
        <translation>{name} a été modifié ou supprimé depuis que vous l’avez ouvert (par un autre programme ou une autre personne).</translation>
    </message>
    <message>
        <source>Save a copy as another file to keep both versions, overwrite the file with your version, or reload theirs and drop your changes.</source>
        <translation>Enregistrez une copie dans un autre fichier pour garder les deux versions, écrasez le fichier avec votre version, ou rechargez la leur en abandonnant vos modifications.</translation>
    </message>
    <message>
        <source>Save a &amp;copy as…</source>
        <translation>Enregistrer une &amp;copie sous…</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>É&amp;craser</translation>
    </message>
    <message>
        <source>&amp;Reload theirs</source>
        <translation>&amp;Recharger la leur</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Revenir à la version enregistrée</translation>
    </message>
    <message>
        <source>Drop every change since {name} was last saved and read it again?</source>
        <translation>Abandonner toutes les modifications depuis le dernier enregistrement de {name} et le relire&#xa0;?</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in concepts, knowledge and notes</source>
        <translation>Rechercher dans les concepts, les connaissances et les notes</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Aucune occurrence</translation>
    </message>
    <message>
        <source>{n} matches</source>
        <translation>{n} occurrences</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Occurrence précédente (Maj+Entrée)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Occurrence suivante (Entrée)</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>Fermer la barre de recherche (Échap)</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Rechercher&#xa0;:</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 occurrence</translation>
    </message>
    <message>
        <source>{i} / {n}</source>
        <translation>{i} / {n}</translation>
    </message>
    <message>
        <source>Back to the first match</source>
        <translation>Retour à la première occurrence</translation>
    </message>
    <message>
        <source>Back to the last match</source>
        <translation>Retour à la dernière occurrence</translation>
    </message>
    <message>
        <source>found in its notes</source>
        <translation>trouvé dans ses notes</translation>
    </message>
    <message>
        <source>found in its source</source>
        <translation>trouvé dans sa source</translation>
    </message>
</context>
<context>
    <name>FocusBanner</name>
    <message>
        <source>Show all</source>
        <translation>Tout afficher</translation>
    </message>
    <message>
        <source>Clear the highlights: every concept shown again</source>
        <translation>Effacer les mises en évidence&#xa0;: tous les concepts sont de nouveau affichés</translation>
    </message>
    <message>
        <source>Highlighted: {themes}</source>
        <translation>Mis en évidence&#xa0;: {themes}</translation>
    </message>
    <message>
        <source> (the others almost hidden)</source>
        <translation> (les autres presque masqués)</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <source>Freeplane and FreeMind maps</source>
        <translation>Cartes Freeplane et FreeMind</translation>
    </message>
    <message>
        <source>OPML outlines</source>
        <translation>Plans OPML</translation>
    </message>
    <message>
        <source>Markdown and indented text outlines</source>
        <translation>Plans Markdown et texte indenté</translation>
    </message>
    <message>
        <source>CSV tables of notes</source>
        <translation>Tableaux CSV de notes</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>(several values)</source>
        <translation>(plusieurs valeurs)</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notes</translation>
    </message>
    <message>
        <source>partition</source>
        <translation>partition</translation>
    </message>
    <message>
        <source>reach</source>
        <translation>atteignabilité</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>issue</translation>
    </message>
    <message>
        <source>themes</source>
        <translation>thèmes</translation>
    </message>
    <message>
        <source>author</source>
        <translation>auteur</translation>
    </message>
    <message>
        <source>status</source>
        <translation>statut</translation>
    </message>
    <message>
        <source>holder</source>
        <translation>détenteur</translation>
    </message>
    <message>
        <source>source</source>
        <translation>source</translation>
    </message>
    <message>
        <source>dominant design</source>
        <translation>conception dominante</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>sens</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <source>title</source>
        <translation>titre</translation>
    </message>
    <message>
        <source>brief</source>
        <translation>cahier des charges</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>place</source>
        <translation>lieu</translation>
    </message>
    <message>
        <source>language</source>
        <translation>langue</translation>
    </message>
    <message>
        <source>The selection mixes kinds of items: select only concepts, only knowledge items or only links to edit them.</source>
        <translation>La sélection mélange plusieurs sortes d’éléments&#xa0;: sélectionnez uniquement des concepts, des connaissances ou des liens pour les modifier.</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>— nobody —</source>
        <translation>— personne —</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Mixed selection</source>
        <translation>Sélection mixte</translation>
    </message>
    <message>
        <source>{n} concepts</source>
        <translation>{n} concepts</translation>
    </message>
    <message>
        <source>{n} knowledge items</source>
        <translation>{n} connaissances</translation>
    </message>
    <message>
        <source>{n} links</source>
        <translation>{n} liens</translation>
    </message>
    <message>
        <source>C0, the initial concept</source>
        <translation>C0, le concept initial</translation>
    </message>
    <message>
        <source>Concept</source>
        <translation>Concept</translation>
    </message>
    <message>
        <source>Pocket of knowledge</source>
        <translation>Poche de connaissances</translation>
    </message>
    <message>
        <source>Knowledge item</source>
        <translation>Connaissance</translation>
    </message>
    <message>
        <source>Link C→K</source>
        <translation>Lien C→K</translation>
    </message>
    <message>
        <source>Link K→C</source>
        <translation>Lien K→C</translation>
    </message>
    <message>
        <source>Tag with {theme}</source>
        <translation>Étiqueter avec {theme}</translation>
    </message>
    <message>
        <source>Untag {theme}</source>
        <translation>Retirer l’étiquette {theme}</translation>
    </message>
    <message>
        <source>Set {field} of {n} items</source>
        <translation>Modifier {field} de {n} éléments</translation>
    </message>
    <message>
        <source>Set {field}</source>
        <translation>Modifier {field}</translation>
    </message>
</context>
<context>
    <name>InterchangeActions</name>
    <message>
        <source>&amp;Freeplane/FreeMind map (.mm)…</source>
        <translation>Carte &amp;Freeplane/FreeMind (.mm)…</translation>
    </message>
    <message>
        <source>&amp;OPML outline (.opml)…</source>
        <translation>Plan &amp;OPML (.opml)…</translation>
    </message>
    <message>
        <source>&amp;Markdown outline (.md)…</source>
        <translation>Plan &amp;Markdown (.md)…</translation>
    </message>
    <message>
        <source>&amp;CSV table (.csv)…</source>
        <translation>Tableau &amp;CSV (.csv)…</translation>
    </message>
    <message>
        <source>&amp;PNG image (.png)…</source>
        <translation>Image &amp;PNG (.png)…</translation>
    </message>
    <message>
        <source>&amp;SVG image (.svg)…</source>
        <translation>Image &amp;SVG (.svg)…</translation>
    </message>
    <message>
        <source>Write both spaces as a table, one row a node</source>
        <translation>Écrire les deux espaces en tableau, une ligne par nœud</translation>
    </message>
    <message>
        <source>Write the map as shown, folded branches folded</source>
        <translation>Écrire la carte telle qu’elle est affichée, branches repliées comprises</translation>
    </message>
    <message>
        <source>Write the selected node&apos;s space (the C-space if none)</source>
        <translation>Écrire l’espace du nœud sélectionné (l’espace C s’il n’y en a pas)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>Add a mind map, outline or CSV table under the selected node</source>
        <translation>Ajouter une carte mentale, un plan ou un tableau CSV sous le nœud sélectionné</translation>
    </message>
    <message>
        <source>Import as poc&amp;kets…</source>
        <translation>Importer comme poc&amp;hes…</translation>
    </message>
    <message>
        <source>Add a mind map, outline or CSV table as pockets of knowledge</source>
        <translation>Ajouter une carte mentale, un plan ou un tableau CSV comme poches de connaissances</translation>
    </message>
    <message>
        <source>P&amp;aste lines as a branch</source>
        <translation>Coller des lignes comme &amp;branche</translation>
    </message>
    <message>
        <source>Add the copied lines (an indented list) under the selected node</source>
        <translation>Ajouter les lignes copiées (une liste indentée) sous le nœud sélectionné</translation>
    </message>
    <message>
        <source>All supported files ({patterns})</source>
        <translation>Tous les fichiers pris en charge ({patterns})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Import as pockets of knowledge</source>
        <translation>Importer comme poches de connaissances</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>Rien n’a été importé</translation>
    </message>
    <message>
        <source>Import {file}</source>
        <translation>Importer {file}</translation>
    </message>
    <message>
        <source>node</source>
        <translation>nœud</translation>
    </message>
    <message>
        <source>nodes</source>
        <translation>nœuds</translation>
    </message>
    <message>
        <source>Imported {file}: {nodes} added</source>
        <translation>Importé depuis {file}&#xa0;: {nodes}</translation>
    </message>
    <message>
        <source>{file}: {reason}</source>
        <translation>{file}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{file}: {nodes} added.</source>
        <translation>{file}&#xa0;: ajout de {nodes}.</translation>
    </message>
    <message>
        <source>Also added:</source>
        <translation>Ajouté aussi&#xa0;:</translation>
    </message>
    <message>
        <source>Changed or not carried over:</source>
        <translation>Modifié ou non repris&#xa0;:</translation>
    </message>
    <message>
        <source>Paste {count}</source>
        <translation>Coller {count}</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… et {count} de plus</translation>
    </message>
    <message>
        <source>Imported, with remarks</source>
        <translation>Importé, avec des remarques</translation>
    </message>
    <message>
        <source>Nothing to paste: copy some lines of text first</source>
        <translation>Rien à coller&#xa0;: copiez d’abord quelques lignes de texte</translation>
    </message>
    <message>
        <source>Nothing was pasted</source>
        <translation>Rien n’a été collé</translation>
    </message>
    <message>
        <source>The copied text</source>
        <translation>Le texte copié</translation>
    </message>
    <message>
        <source>Pasted: {count}.</source>
        <translation>Collé&#xa0;: {count}.</translation>
    </message>
    <message>
        <source>Export both spaces as a table</source>
        <translation>Exporter les deux espaces en tableau</translation>
    </message>
    <message>
        <source>Export the map as an image</source>
        <translation>Exporter la carte en image</translation>
    </message>
    <message>
        <source>Export the C-space</source>
        <translation>Exporter l’espace C</translation>
    </message>
    <message>
        <source>Export the K-space</source>
        <translation>Exporter l’espace K</translation>
    </message>
    <message>
        <source>{file} already exists. Replace it?</source>
        <translation>{file} existe déjà. Le remplacer&#xa0;?</translation>
    </message>
    <message>
        <source>PNG images</source>
        <translation>Images PNG</translation>
    </message>
    <message>
        <source>SVG images</source>
        <translation>Images SVG</translation>
    </message>
    <message>
        <source>Nothing was exported</source>
        <translation>Rien n’a été exporté</translation>
    </message>
    <message>
        <source>CK Studio cannot export to “{suffix}” files.</source>
        <translation>CK Studio ne sait pas exporter de fichiers «&#xa0;{suffix}&#xa0;».</translation>
    </message>
    <message>
        <source>The map is too large for one image.</source>
        <translation>La carte est trop grande pour une seule image.</translation>
    </message>
    <message>
        <source>Exported {file}</source>
        <translation>Exporté&#xa0;: {file}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Autosave failed: {reason}</source>
        <translation>Échec de la sauvegarde automatique&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Session opened</source>
        <translation>Session ouverte</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (lecture seule)</translation>
    </message>
    <message>
        <source>concept</source>
        <translation>concept</translation>
    </message>
    <message>
        <source>concepts</source>
        <translation>concepts</translation>
    </message>
    <message>
        <source>knowledge item</source>
        <translation>connaissance</translation>
    </message>
    <message>
        <source>knowledge items</source>
        <translation>connaissances</translation>
    </message>
    <message>
        <source>link</source>
        <translation>lien</translation>
    </message>
    <message>
        <source>links</source>
        <translation>liens</translation>
    </message>
    <message>
        <source>Zoom {percent} %</source>
        <translation>Zoom {percent}&#xa0;%</translation>
    </message>
    <message>
        <source>About CK Studio</source>
        <translation>À propos de CK Studio</translation>
    </message>
    <message>
        <source>CK Studio {version}: C-K design-theory co-creation workshops.</source>
        <translation>CK Studio {version}&#xa0;: ateliers de co-création selon la théorie C-K.</translation>
    </message>
</context>
<context>
    <name>MapEditor</name>
    <message>
        <source>Not done: {reason}</source>
        <translation>Non effectué&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Select a concept or a knowledge item first.</source>
        <translation>Sélectionnez d’abord un concept ou une connaissance.</translation>
    </message>
    <message>
        <source>concept</source>
        <translation>concept</translation>
    </message>
    <message>
        <source>knowledge item</source>
        <translation>connaissance</translation>
    </message>
    <message>
        <source>Add {noun}</source>
        <translation>Ajouter {noun}</translation>
    </message>
    <message>
        <source>Type {quoted}</source>
        <translation>Taper {quoted}</translation>
    </message>
    <message>
        <source>C0 cannot be removed: it is the whole question.</source>
        <translation>C0 ne peut pas être supprimé&#xa0;: c’est toute la question.</translation>
    </message>
    <message>
        <source>Remove {nodes} node(s), {links} link(s)</source>
        <translation>Supprimer {nodes} nœud(s), {links} lien(s)</translation>
    </message>
    <message>
        <source>First pocket of knowledge added: type its name.</source>
        <translation>Première poche de connaissances ajoutée&#xa0;: tapez son nom.</translation>
    </message>
    <message>
        <source>Select one concept and one knowledge item (Ctrl+click) to link them.</source>
        <translation>Sélectionnez un concept et une connaissance (Ctrl+clic) pour les lier.</translation>
    </message>
    <message>
        <source>These two are already linked that way.</source>
        <translation>Ces deux-là sont déjà liés dans ce sens.</translation>
    </message>
    <message>
        <source>Link C→K</source>
        <translation>Lien C→K</translation>
    </message>
    <message>
        <source>Link K→C</source>
        <translation>Lien K→C</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Déplacer</translation>
    </message>
</context>
<context>
    <name>ParticipantsPanel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Concepts written + tags + dots given</source>
        <translation>Concepts écrits + étiquettes + gommettes données</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Speaks now</source>
        <translation>Prend la parole</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Speaking:</source>
        <translation>Intervenant&#xa0;:</translation>
    </message>
    <message>
        <source>Speaking now</source>
        <translation>A la parole</translation>
    </message>
</context>
<context>
    <name>PhaseTimer</name>
    <message>
        <source>Define</source>
        <translation>Définir</translation>
    </message>
    <message>
        <source>Knowledge</source>
        <translation>Connaissances</translation>
    </message>
    <message>
        <source>Concepts</source>
        <translation>Concepts</translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation>Propositions</translation>
    </message>
    <message>
        <source>{letter} · {name}</source>
        <translation>{letter} · {name}</translation>
    </message>
    <message>
        <source>Pitch</source>
        <translation>Présentation</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Échange</translation>
    </message>
    <message>
        <source>Rotation {n}/{total} · {step}</source>
        <translation>Rotation {n}/{total} · {step}</translation>
    </message>
    <message>
        <source>Timer</source>
        <translation>Minuteur</translation>
    </message>
    <message>
        <source>Free timer (10 min)</source>
        <translation>Minuteur libre (10 min)</translation>
    </message>
    <message>
        <source>DKCP phases (D 20, K 45, C 60, P 30 min)</source>
        <translation>Phases DKCP (D 20, K 45, C 60, P 30 min)</translation>
    </message>
    <message>
        <source>Match-making (6 × 5 min pitch + 15 min exchange)</source>
        <translation>Rencontres (6 × 5 min de présentation + 15 min d’échange)</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How often an edited session is copied aside, to be recovered after a crash</source>
        <translation>Fréquence à laquelle une session modifiée est copiée à part, pour la récupérer après un plantage</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Vers le bas</translation>
    </message>
    <message>
        <source>To the right</source>
        <translation>Vers la droite</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claire</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Height of the map&apos;s text at reading size (Ctrl+1); 16 px reads well on a projector</source>
        <translation>Hauteur du texte de la carte à la taille de lecture (Ctrl+1)&#xa0;; 16 px se lit bien au vidéoprojecteur</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Celle du système</translation>
    </message>
    <message>
        <source>The interface&apos;s language, from the next start on</source>
        <translation>La langue de l’interface, à partir du prochain démarrage</translation>
    </message>
    <message>
        <source>Autosave every</source>
        <translation>Sauvegarde automatique toutes les</translation>
    </message>
    <message>
        <source>Trees grow</source>
        <translation>Les arbres poussent</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>Map text at reading size</source>
        <translation>Texte de la carte à la taille de lecture</translation>
    </message>
    <message>
        <source>Recent files listed</source>
        <translation>Fichiers récents listés</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
</context>
<context>
    <name>RecentMenu</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Fichiers ré&amp;cents</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Aucun fichier récent</translation>
    </message>
    <message>
        <source>&amp;Clear list</source>
        <translation>&amp;Vider la liste</translation>
    </message>
</context>
<context>
    <name>RecordDocks</name>
    <message>
        <source>Themes</source>
        <translation>Thèmes</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Intervenant</translation>
    </message>
    <message>
        <source>Speaking:</source>
        <translation>Intervenant&#xa0;:</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>1 concept</source>
        <translation>1 concept</translation>
    </message>
    <message>
        <source>{n} concepts</source>
        <translation>{n} concepts</translation>
    </message>
    <message>
        <source>Theme {n}</source>
        <translation>Thème {n}</translation>
    </message>
    <message>
        <source>Add theme {name}</source>
        <translation>Ajouter le thème {name}</translation>
    </message>
    <message>
        <source>A theme needs a name.</source>
        <translation>Un thème doit avoir un nom.</translation>
    </message>
    <message>
        <source>Rename theme {old} to {new}</source>
        <translation>Renommer le thème {old} en {new}</translation>
    </message>
    <message>
        <source>Recolour theme {name}</source>
        <translation>Changer la couleur du thème {name}</translation>
    </message>
    <message>
        <source>Remove theme {name} (no tag)</source>
        <translation>Supprimer le thème {name} (aucune étiquette)</translation>
    </message>
    <message>
        <source>Remove theme {name} and its tag</source>
        <translation>Supprimer le thème {name} et son étiquette</translation>
    </message>
    <message>
        <source>Remove theme {name} and its {n} tags</source>
        <translation>Supprimer le thème {name} et ses {n} étiquettes</translation>
    </message>
    <message>
        <source>C0 is the brief: it takes no theme and no vote.</source>
        <translation>C0 est le cahier des charges&#xa0;: il ne prend ni thème ni vote.</translation>
    </message>
    <message>
        <source>Select one or more concepts first.</source>
        <translation>Sélectionnez d’abord un ou plusieurs concepts.</translation>
    </message>
    <message>
        <source>Untag {theme} from {concepts}</source>
        <translation>Retirer l’étiquette {theme} de {concepts}</translation>
    </message>
    <message>
        <source>Tag {theme} on {concepts}</source>
        <translation>Étiqueter {concepts} avec {theme}</translation>
    </message>
    <message>
        <source>There is no theme {n}.</source>
        <translation>Il n’y a pas de thème {n}.</translation>
    </message>
    <message>
        <source>No dot to take back there.</source>
        <translation>Aucune gommette à reprendre ici.</translation>
    </message>
    <message>
        <source>That is as many dots as a concept can take.</source>
        <translation>Un concept ne peut pas recevoir plus de gommettes.</translation>
    </message>
    <message>
        <source>one dot on {concepts}</source>
        <translation>une gommette sur {concepts}</translation>
    </message>
    <message>
        <source>dot taken back</source>
        <translation>gommette reprise</translation>
    </message>
    <message>
        <source>dot taken back on {concepts}</source>
        <translation>gommette reprise sur {concepts}</translation>
    </message>
    <message>
        <source>Who is voting? Choose the speaker first (F6).</source>
        <translation>Qui vote&#xa0;? Choisissez d’abord l’intervenant (F6).</translation>
    </message>
    <message>
        <source>{name} does not take part in this vote.</source>
        <translation>{name} ne participe pas à ce vote.</translation>
    </message>
    <message>
        <source>No dot left ({used} of {budget} used).</source>
        <translation>Plus aucune gommette ({used} sur {budget} utilisées).</translation>
    </message>
    <message>
        <source>Not enough dots: {wanted} wanted, {left} left ({used} of {budget} used).</source>
        <translation>Pas assez de gommettes&#xa0;: {wanted} voulues, {left} restantes ({used} sur {budget} utilisées).</translation>
    </message>
    <message>
        <source>{name}: {what}</source>
        <translation>{name}&#xa0;: {what}</translation>
    </message>
    <message>
        <source>Nobody speaking</source>
        <translation>Personne n’a la parole</translation>
    </message>
    <message>
        <source>Speaking: {name}</source>
        <translation>Intervenant&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Participant {n}</source>
        <translation>Participant {n}</translation>
    </message>
    <message>
        <source>Add participant {name}</source>
        <translation>Ajouter le participant {name}</translation>
    </message>
    <message>
        <source>A participant needs a name.</source>
        <translation>Un participant doit avoir un nom.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>organisation</translation>
    </message>
    <message>
        <source>role</source>
        <translation>rôle</translation>
    </message>
    <message>
        <source>Set {field} of {name}</source>
        <translation>Modifier {field} de {name}</translation>
    </message>
    <message>
        <source>Remove {name}, their {tags} and {votes}</source>
        <translation>Supprimer {name}, ses {tags} et ses {votes}</translation>
    </message>
    <message>
        <source>1 tag</source>
        <translation>1 étiquette</translation>
    </message>
    <message>
        <source>{n} tags</source>
        <translation>{n} étiquettes</translation>
    </message>
    <message>
        <source>1 vote</source>
        <translation>1 vote</translation>
    </message>
    <message>
        <source>{n} votes</source>
        <translation>{n} votes</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover sessions</source>
        <translation>Récupérer des sessions</translation>
    </message>
    <message>
        <source>CK Studio did not close normally. These sessions had changes that were not saved; their last autosaved copies are kept here.</source>
        <translation>CK Studio ne s’est pas fermé normalement. Ces sessions avaient des modifications non enregistrées&#xa0;; leurs dernières copies de sauvegarde automatique sont gardées ici.</translation>
    </message>
    <message>
        <source>Recovered: it is open in the window; save it to keep it.</source>
        <translation>Récupérée&#xa0;: elle est ouverte dans la fenêtre&#xa0;; enregistrez-la pour la garder.</translation>
    </message>
    <message>
        <source>Discarded.</source>
        <translation>Abandonnée.</translation>
    </message>
    <message>
        <source>Kept for the next start.</source>
        <translation>Gardée pour le prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>RecoveryRow</name>
    <message>
        <source>Recover</source>
        <translation>Récupérer</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Keep for later</source>
        <translation>Garder pour plus tard</translation>
    </message>
</context>
<context>
    <name>ReportExporter</name>
    <message>
        <source>Export the report</source>
        <translation>Exporter le rapport</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Écriture du rapport…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>No report written</source>
        <translation>Aucun rapport écrit</translation>
    </message>
    <message>
        <source> ({n} character(s) no font here draws, shown as ?)</source>
        <translation> ({n} caractère(s) qu’aucune police ne dessine ici, montré(s) par&#xa0;?)</translation>
    </message>
    <message>
        <source>Report written: {path}</source>
        <translation>Rapport écrit&#xa0;: {path}</translation>
    </message>
</context>
<context>
    <name>ReportJob</name>
    <message>
        <source>the report could not be made: {error}</source>
        <translation>le rapport n’a pas pu être fait&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>Ranking (vote ended)</source>
        <translation>Classement (vote terminé)</translation>
    </message>
    <message>
        <source>Ranking (vote running)</source>
        <translation>Classement (vote en cours)</translation>
    </message>
    <message>
        <source>No dots given yet</source>
        <translation>Aucune gommette donnée pour l’instant</translation>
    </message>
    <message>
        <source>… and {n} more ex aequo</source>
        <translation>… et {n} autres ex aequo</translation>
    </message>
</context>
<context>
    <name>RoundOverlay</name>
    <message>
        <source>Tagging round · concepts per theme</source>
        <translation>Tour d’étiquetage · concepts par thème</translation>
    </message>
    <message>
        <source>Dot voting · votes hidden until revealed</source>
        <translation>Vote par gommettes · votes cachés jusqu’à leur révélation</translation>
    </message>
    <message>
        <source>Dot voting · votes revealed</source>
        <translation>Vote par gommettes · votes révélés</translation>
    </message>
</context>
<context>
    <name>Rounds</name>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>A round is running: end it first.</source>
        <translation>Un tour est en cours&#xa0;: terminez-le d’abord.</translation>
    </message>
    <message>
        <source>No concept to work on: add concepts under C0 first.</source>
        <translation>Aucun concept à traiter&#xa0;: ajoutez d’abord des concepts sous C0.</translation>
    </message>
    <message>
        <source>Start a vote on {concepts}, {budget} dots each</source>
        <translation>Lancer un vote sur {concepts}, {budget} gommettes chacun</translation>
    </message>
    <message>
        <source>Start a tagging round on {concepts}</source>
        <translation>Lancer un tour d’étiquetage sur {concepts}</translation>
    </message>
    <message>
        <source>Vote started: {budget} dots each, hidden until you reveal them.</source>
        <translation>Vote lancé&#xa0;: {budget} gommettes chacun, cachées jusqu’à ce que vous les révéliez.</translation>
    </message>
    <message>
        <source>Tagging round started: keys 1-9 tag, F6 passes the turn.</source>
        <translation>Tour d’étiquetage lancé&#xa0;: les touches 1-9 étiquettent, F6 passe la parole.</translation>
    </message>
    <message>
        <source>1 concept</source>
        <translation>1 concept</translation>
    </message>
    <message>
        <source>{n} concepts</source>
        <translation>{n} concepts</translation>
    </message>
    <message>
        <source>No round is running.</source>
        <translation>Aucun tour en cours.</translation>
    </message>
    <message>
        <source>End the vote</source>
        <translation>Terminer le vote</translation>
    </message>
    <message>
        <source>Vote ended.</source>
        <translation>Vote terminé.</translation>
    </message>
    <message>
        <source>End the tagging round</source>
        <translation>Terminer le tour d’étiquetage</translation>
    </message>
    <message>
        <source>Tagging round ended.</source>
        <translation>Tour d’étiquetage terminé.</translation>
    </message>
    <message>
        <source>No hidden vote to reveal.</source>
        <translation>Aucun vote caché à révéler.</translation>
    </message>
    <message>
        <source>Reveal the votes</source>
        <translation>Révéler les votes</translation>
    </message>
    <message>
        <source>Votes revealed.</source>
        <translation>Votes révélés.</translation>
    </message>
    <message>
        <source>Last concept of the round: F6 gives the turn to the next participant.</source>
        <translation>Dernier concept du tour&#xa0;: F6 passe la main au participant suivant.</translation>
    </message>
</context>
<context>
    <name>RoundsPanel</name>
    <message>
        <source>After a tag, go to the next concept</source>
        <translation>Après une étiquette, passer au concept suivant</translation>
    </message>
    <message>
        <source>Tagging round…</source>
        <translation>Tour d’étiquetage…</translation>
    </message>
    <message>
        <source>Dot vote…</source>
        <translation>Vote par gommettes…</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Révéler</translation>
    </message>
    <message>
        <source>Clusters…</source>
        <translation>Regrouper par thème…</translation>
    </message>
    <message>
        <source>No round yet</source>
        <translation>Aucun tour pour l’instant</translation>
    </message>
    <message>
        <source>Start a tagging round or a dot vote on the selected branch or on every concept.</source>
        <translation>Lancez un tour d’étiquetage ou un vote par gommettes sur la branche sélectionnée ou sur tous les concepts.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>{concepts} concepts, {people} taking part</source>
        <translation>{concepts} concepts, {people} participants</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Concepts</source>
        <translation>Concepts</translation>
    </message>
    <message>
        <source>Concepts of the round with this theme, each counted once (as the clusters)</source>
        <translation>Concepts du tour portant ce thème, chacun compté une fois (comme le regroupement)</translation>
    </message>
    <message>
        <source>Tags given: a concept tagged by two participants counts twice</source>
        <translation>Étiquettes posées&#xa0;: un concept étiqueté par deux participants compte deux fois</translation>
    </message>
    <message>
        <source>{used} of {budget}</source>
        <translation>{used} sur {budget}</translation>
    </message>
    <message>
        <source>Participant (votes hidden)</source>
        <translation>Participant (votes cachés)</translation>
    </message>
    <message>
        <source>Dots used</source>
        <translation>Gommettes utilisées</translation>
    </message>
    <message>
        <source>={place}</source>
        <translation>{place} ex aequo</translation>
    </message>
    <message>
        <source>Tied: {n} concepts have as many dots</source>
        <translation>Ex aequo&#xa0;: {n} concepts ont autant de gommettes</translation>
    </message>
    <message>
        <source>Concept (the first {n} of {total})</source>
        <translation>Concept (les {n} premiers sur {total})</translation>
    </message>
    <message>
        <source>Concept (double-click to select)</source>
        <translation>Concept (double-cliquer pour sélectionner)</translation>
    </message>
    <message>
        <source>Dots</source>
        <translation>Gommettes</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Rang</translation>
    </message>
</context>
<context>
    <name>SessionFiles</name>
    <message>
        <source>This template cannot be opened</source>
        <translation>Ce modèle ne peut pas être ouvert</translation>
    </message>
    <message>
        <source>CK Studio sessions (*.ck.json);;JSON (*.json);;All files (*)</source>
        <translation>Sessions CK Studio (*.ck.json);;JSON (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Open a session</source>
        <translation>Ouvrir une session</translation>
    </message>
    <message>
        <source>CK Studio sessions and reports (*.ck.json *.pdf)</source>
        <translation>Sessions et rapports CK Studio (*.ck.json *.pdf)</translation>
    </message>
    <message>
        <source>This session cannot be opened</source>
        <translation>Cette session ne peut pas être ouverte</translation>
    </message>
    <message>
        <source>File not found</source>
        <translation>Fichier introuvable</translation>
    </message>
    <message>
        <source>{path} no longer exists; it is removed from the recent files.</source>
        <translation>{path} n’existe plus&#xa0;; il est retiré des fichiers récents.</translation>
    </message>
    <message>
        <source>No lock could be made: another CK Studio could open this file too</source>
        <translation>Aucun verrou n’a pu être posé&#xa0;: un autre CK Studio pourrait aussi ouvrir ce fichier</translation>
    </message>
    <message>
        <source>This session cannot be recovered</source>
        <translation>Cette session ne peut pas être récupérée</translation>
    </message>
    <message>
        <source>Recovered: save the session to keep it</source>
        <translation>Récupérée&#xa0;: enregistrez la session pour la garder</translation>
    </message>
    <message>
        <source>Save the session</source>
        <translation>Enregistrer la session</translation>
    </message>
    <message>
        <source>The session was not saved</source>
        <translation>La session n’a pas été enregistrée</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>{name} enregistré</translation>
    </message>
    <message>
        <source>{name} is open in another CK Studio (process {pid} on {host}); save under another name.</source>
        <translation>{name} est ouvert dans un autre CK Studio (processus {pid} sur {host})&#xa0;; enregistrez sous un autre nom.</translation>
    </message>
    <message>
        <source>The file cannot be read again</source>
        <translation>Le fichier ne peut pas être relu</translation>
    </message>
    <message>
        <source>Read {name} again</source>
        <translation>Relire {name}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Save the changes to {name}?</source>
        <translation>Enregistrer les modifications de {name}&#xa0;?</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
</context>
<context>
    <name>SpeakerChooser</name>
    <message>
        <source>Who is speaking: new concepts, tags and votes are theirs (F6)</source>
        <translation>Qui a la parole&#xa0;: les nouveaux concepts, étiquettes et votes sont les siens (F6)</translation>
    </message>
    <message>
        <source>— nobody —</source>
        <translation>— personne —</translation>
    </message>
</context>
<context>
    <name>StartRoundDialog</name>
    <message>
        <source>Start a dot vote</source>
        <translation>Lancer un vote par gommettes</translation>
    </message>
    <message>
        <source>Start a tagging round</source>
        <translation>Lancer un tour d’étiquetage</translation>
    </message>
    <message>
        <source>Each participant ticked gives their dots to the chosen concepts with + (- takes one back); F6 passes to the next participant.</source>
        <translation>Chaque participant coché donne ses gommettes aux concepts choisis avec + (- en reprend une)&#xa0;; F6 passe au participant suivant.</translation>
    </message>
    <message>
        <source>In turn, the participants ticked tag the chosen concepts with the keys 1-9; F6 passes to the next participant.</source>
        <translation>Chacun son tour, les participants cochés étiquettent les concepts choisis avec les touches 1-9&#xa0;; F6 passe au participant suivant.</translation>
    </message>
    <message>
        <source>The branch of “{name}” ({n})</source>
        <translation>La branche de «&#xa0;{name}&#xa0;» ({n})</translation>
    </message>
    <message>
        <source>The selected branch (select a concept first)</source>
        <translation>La branche sélectionnée (sélectionnez d’abord un concept)</translation>
    </message>
    <message>
        <source>Every concept ({n})</source>
        <translation>Tous les concepts ({n})</translation>
    </message>
    <message>
        <source>The facilitators are not ticked: they lead the round rather than take part.</source>
        <translation>Les animateurs ne sont pas cochés&#xa0;: ils mènent le tour sans y participer.</translation>
    </message>
    <message>
        <source>Hide the votes until I reveal them</source>
        <translation>Cacher les votes jusqu’à ce que je les révèle</translation>
    </message>
    <message>
        <source>Concepts:</source>
        <translation>Concepts&#xa0;:</translation>
    </message>
    <message>
        <source>Taking part:</source>
        <translation>Participants&#xa0;:</translation>
    </message>
    <message>
        <source>Dots each:</source>
        <translation>Gommettes par personne&#xa0;:</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Lancer</translation>
    </message>
    <message>
        <source>{name} (facilitator)</source>
        <translation>{name} (animation)</translation>
    </message>
</context>
<context>
    <name>TemplateChooser</name>
    <message>
        <source>New from template</source>
        <translation>Nouveau depuis un modèle</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Exemples</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Start the new session from:</source>
        <translation>Partir, pour la nouvelle session, de&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ThemeBoxes</name>
    <message>
        <source>(no themes in this session)</source>
        <translation>(aucun thème dans cette session)</translation>
    </message>
</context>
<context>
    <name>ThemesPanel</name>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Concepts</source>
        <translation>Concepts</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>Mettre en évidence</translation>
    </message>
    <message>
        <source>Tag the selected concepts (keys 1 to 9 on the map)</source>
        <translation>Étiqueter les concepts sélectionnés (touches 1 à 9 sur la carte)</translation>
    </message>
    <message>
        <source>Almost hide the others</source>
        <translation>Presque masquer les autres</translation>
    </message>
    <message>
        <source>Concepts without the highlighted themes almost vanish (a filter)</source>
        <translation>Les concepts sans les thèmes mis en évidence s’effacent presque (un filtre)</translation>
    </message>
    <message>
        <source>Clear highlights</source>
        <translation>Effacer les mises en évidence</translation>
    </message>
    <message>
        <source>Show every concept again, none faded</source>
        <translation>Afficher de nouveau tous les concepts, aucun estompé</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Couleur…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Double-click to rename</source>
        <translation>Double-cliquer pour renommer</translation>
    </message>
    <message>
        <source>Fade the concepts without this theme on the map</source>
        <translation>Estomper sur la carte les concepts sans ce thème</translation>
    </message>
    <message>
        <source>Tag {key}</source>
        <translation>Étiquette {key}</translation>
    </message>
    <message>
        <source>Tag the selected concepts with {theme}</source>
        <translation>Étiqueter les concepts sélectionnés avec {theme}</translation>
    </message>
    <message>
        <source>Theme colour</source>
        <translation>Couleur du thème</translation>
    </message>
    <message>
        <source>Tag the selected concepts</source>
        <translation>Étiqueter les concepts sélectionnés</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Add a theme</source>
        <translation>Ajouter un thème</translation>
    </message>
</context>
</TS>
