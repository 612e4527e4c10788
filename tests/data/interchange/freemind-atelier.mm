<map version="1.0.1">
<!-- To view this file, download free mind mapping software FreeMind from http://freemind.sourceforge.net -->
<node CREATED="1714465200000" ID="ID_1146083741" MODIFIED="1714468800000" TEXT="Cour d&apos;&#xe9;cole v&#xe9;g&#xe9;talis&#xe9;e">
<font BOLD="true" NAME="SansSerif" SIZE="18"/>
<hook NAME="accessories/plugins/AutomaticLayout.properties"/>
<node CREATED="1714465260000" ID="ID_1823552171" MODIFIED="1714465900000" POSITION="right" TEXT="Ombre en &#xe9;t&#xe9;">
<edge COLOR="#009e73" STYLE="bezier" WIDTH="thin"/>
<icon BUILTIN="idea"/>
<node CREATED="1714465320000" ID="ID_318052981" MODIFIED="1714465320000" TEXT="Arbres &#xe0; croissance rapide">
<richcontent TYPE="NOTE"><html>
  <head>

  </head>
  <body>
    <p>
      Paulownia, saule&#160;: 3 &#224; 5 ans avant une ombre utile.
    </p>
    <p>
      Demander l&apos;avis du service des espaces verts.
    </p>
  </body>
</html>
</richcontent>
</node>
<node CREATED="1714465380000" ID="ID_1519931475" LINK="https://fr.wikipedia.org/wiki/Pergola" MODIFIED="1714465380000" TEXT="Pergola et plantes grimpantes"/>
<node CREATED="1714465440000" FOLDED="true" ID="ID_1710291203" MODIFIED="1714465440000" TEXT="Voiles d&apos;ombrage">
<node CREATED="1714465500000" ID="ID_586409366" MODIFIED="1714465500000" TEXT="Tissu recycl&#xe9;"/>
<node CREATED="1714465560000" ID="ID_1359178428" MODIFIED="1714465560000" TEXT="Repliables l&apos;hiver"/>
</node>
</node>
<node CREATED="1714465620000" ID="ID_1266356212" MODIFIED="1714465620000" POSITION="left" TEXT="Eau de pluie">
<cloud COLOR="#f0f0f0"/>
<icon BUILTIN="messagebox_warning"/>
<arrowlink DESTINATION="ID_1823552171" ENDARROW="Default" ENDINCLINATION="120;0;" ID="Arrow_ID_1039208457" STARTARROW="None" STARTINCLINATION="120;0;"/>
<node CREATED="1714465680000" ID="ID_1930463186" MODIFIED="1714465680000" TEXT="Noue d&apos;infiltration"/>
<node CREATED="1714465740000" ID="ID_203518826" MODIFIED="1714465740000" TEXT="Cuve enterr&#xe9;e &lt;5 m&#xb3;&gt;"/>
</node>
<node CREATED="1714465800000" ID="ID_1478329165" MODIFIED="1714465800000" POSITION="left" TEXT="Jeux &amp; biodiversit&#xe9;">
<icon BUILTIN="ksmiletris"/>
<node CREATED="1714465860000" ID="ID_960286329" MODIFIED="1714465860000" TEXT="H&#xf4;tel &#xe0; insectes"/>
</node>
</node>
</map>
