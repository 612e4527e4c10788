<map version="freeplane 1.9.13">
<!--To view this file, download free mind mapping software Freeplane from https://www.freeplane.org -->
<node TEXT="Réduire les déchets&#xa;de la cantine" LOCALIZED_STYLE_REF="AutomaticLayout.level.root" FOLDED="false" ID="ID_696401721" CREATED="1714550000000" MODIFIED="1714553600000"><hook NAME="MapStyle" background="#f9f9f8">
    <properties show_icon_for_attributes="true" fit_to_viewport="false" show_note_icons="true" edgeColorConfiguration="#808080ff,#ff0000ff,#0000ffff"/>

<map_styles>
<stylenode LOCALIZED_TEXT="styles.root_node" STYLE="oval" UNIFORM_SHAPE="true" VGAP_QUANTITY="24 pt">
<font SIZE="24"/>
<stylenode LOCALIZED_TEXT="styles.predefined" POSITION="bottom_or_right" STYLE="bubble">
<stylenode LOCALIZED_TEXT="default" ID="ID_506805493" COLOR="#484747" STYLE="bubble">
<font NAME="Dialog" SIZE="10" BOLD="false" ITALIC="false"/>
<richcontent CONTENT-TYPE="plain/auto" TYPE="DETAILS"/>
<richcontent TYPE="NOTE" CONTENT-TYPE="plain/auto"/>
</stylenode>
<stylenode LOCALIZED_TEXT="defaultstyle.note" COLOR="#000000" BACKGROUND_COLOR="#f6f9a1"/>
</stylenode>
</stylenode>
</map_styles>
</hook>
<hook NAME="AutomaticEdgeColor" COUNTER="3" RULE="ON_BRANCH_CREATION"/>
<attribute_layout NAME_WIDTH="80 pt" VALUE_WIDTH="120 pt"/>
<node POSITION="bottom_or_right" ID="ID_1316568271" CREATED="1714550060000" MODIFIED="1714550900000"><richcontent TYPE="NODE">

<html>
  <head>
    
  </head>
  <body>
    <p>
      <b>Compost</b>&#160;géré par les élèves
    </p>
  </body>
</html>
</richcontent>
<edge COLOR="#ff0000"/>
<attribute NAME="theme" VALUE="circularité; pédagogie"/>
<attribute NAME="reach" VALUE="atteignable"/>
<attribute NAME="priorité" VALUE="haute"/>
<richcontent TYPE="NOTE" CONTENT-TYPE="xml/">
<html>
  <head>
    
  </head>
  <body>
    <p>
      Un bac par classe, vidé le vendredi.
    </p>
    <p>
      
    </p>
    <p>
      Voir&nbsp;le guide de l’ADEME<br/>(chapitre 3)
    </p>
    <ul>
      <li>
        épluchures
      </li>
      <li>
        marc de café
      </li>
    </ul>
  </body>
</html>
</richcontent>
<richcontent CONTENT-TYPE="xml/" TYPE="DETAILS" HIDDEN="true">
<html>
  <head>
    
  </head>
  <body>
    <p>
      Testé à Rennes en 2023
    </p>
  </body>
</html>
</richcontent>
<node TEXT="Lombricomposteur" ID="ID_1409679174" CREATED="1714550120000" MODIFIED="1714550120000">
<icon BUILTIN="emoji-1FAB1"/>
</node>
<node TEXT="Broyeur partagé" ID="ID_1273326380" CREATED="1714550180000" MODIFIED="1714550180000" LINK="https://www.ademe.fr/"/>
</node>
<node TEXT="Pesée des restes" FOLDED="true" POSITION="bottom_or_right" ID="ID_229700571" CREATED="1714550240000" MODIFIED="1714550300000">
<edge COLOR="#0000ff"/>
<arrowlink SHAPE="CUBIC_CURVE" COLOR="#000000" WIDTH="2" TRANSPARENCY="200" FONT_SIZE="9" FONT_FAMILY="SansSerif" DESTINATION="ID_1316568271" STARTARROW="NONE" ENDARROW="DEFAULT"/>
<attribute NAME="author" VALUE="Camille"/>
<node TEXT="Tableau affiché&#xa;au réfectoire" ID="ID_1187207786" CREATED="1714550360000" MODIFIED="1714550360000">
<icon BUILTIN="yes"/>
</node>
<node TEXT="Défi entre classes" ID="ID_680702236" CREATED="1714550420000" MODIFIED="1714550420000">
<hook URI="defi.png" SIZE="0.5" NAME="ExternalObject"/>
</node>
</node>
<node TEXT="Portions à la demande" POSITION="top_or_left" ID="ID_1750142468" CREATED="1714550480000" MODIFIED="1714550480000">
<linktarget COLOR="#000000" DESTINATION="ID_1750142468" SOURCE="ID_229700571"/>
<cloud COLOR="#f0f0f0" SHAPE="ARC"/>
</node>
</node>
</map>
